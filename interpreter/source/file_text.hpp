// The bytes of a loaded file: a string read into memory, or a plain file mapped read-only.
//
// An HR export is read once, row by row, and what the run keeps of it is copied out as it is read
// (import/kept_text.hpp). Mapped, the pages already read can then leave the process's memory
// (release): at a million posts the export's 70 MB no longer sit beside the model built
// from them. Nothing is lost by it: the mapping stays, and a page looked at again (a message
// quoting its line, say) is read from the file again. Reading into a string could not do that,
// and it cost more besides: on the machine of bench/README.md ("Performance IX"), copying 70 MB
// into new memory took 300 ms against 35 ms to map and read them.
//
// A mapped file that another program shortens while remit runs makes the next read of a lost
// page fail (SIGBUS), as with every program that maps its input; an export is read in a second.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace remit {

class FileText {
 public:
  explicit FileText(std::string text) : owned_(std::move(text)) {}
  // A regular, non-empty file mapped read-only; nullopt when it cannot be (a pipe, a device, an
  // empty file, a failed mmap), and the caller reads it instead.
  static std::optional<FileText> map(const std::filesystem::path& path);

  FileText(FileText&& other) noexcept;
  FileText& operator=(FileText&& other) noexcept;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText();

  [[nodiscard]] std::string_view view() const {
    return mapped_ ? std::string_view(mapped_, size_) : std::string_view(owned_);
  }
  [[nodiscard]] bool mapped() const { return mapped_ != nullptr; }
  // Lets the pages from the one holding `begin` to the last wholly before `end` (or the end of
  // the text) leave memory, when mapped; a no-op otherwise, as a string's pages cannot be read
  // again. They are read from the file again if looked at. The caller says which range: a
  // reader going through the text lets go of what it passed since it last did.
  void release(std::size_t begin, std::size_t end) const;
  void release_all() const { release(0, size_); }

 private:
  FileText() = default;
  std::string owned_;
  const char* mapped_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace remit
