#include "report/output_file.hpp"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstring>
#include <functional>
#include <optional>
#include <random>
#include <system_error>

#include "source/source.hpp"

namespace fs = std::filesystem;

namespace remit {
namespace {

// What the signal handler removes. A fixed buffer and a flag: all a handler may safely touch.
char temp_path_for_signal[PATH_MAX];
volatile std::sig_atomic_t temp_armed = 0;

extern "C" void remove_temp_then_die(int sig) {
  if (temp_armed) ::unlink(temp_path_for_signal);
  // SA_RESETHAND restored the default action and SA_NODEFER lets it act now: the process ends
  // by the signal, as it would have without us.
  ::raise(sig);
}

constexpr std::array<int, 3> cleanup_signals = {SIGINT, SIGTERM, SIGHUP};

// Holds back the cleanup signals for as long as it lives; errno is left as the work set it.
class Held {
 public:
  explicit Held(bool enabled) : enabled_(enabled) {
    if (!enabled_) return;
    sigset_t these;
    sigemptyset(&these);
    for (int s : cleanup_signals) sigaddset(&these, s);
    ::sigprocmask(SIG_BLOCK, &these, &before_);
  }
  ~Held() {
    if (!enabled_) return;
    const int saved = errno;
    ::sigprocmask(SIG_SETMASK, &before_, nullptr);
    errno = saved;
  }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;

 private:
  bool enabled_;
  sigset_t before_{};
};

// Installs the handlers for as long as it lives; a signal the process ignores stays ignored
// (a run under nohup must not die of SIGHUP because it was writing a file).
class SignalCleanup {
 public:
  explicit SignalCleanup(bool enabled) : enabled_(enabled) {
    if (!enabled_) return;
    struct sigaction on {};
    on.sa_handler = remove_temp_then_die;
    on.sa_flags = SA_RESETHAND | SA_NODEFER;
    sigemptyset(&on.sa_mask);
    for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
      ::sigaction(cleanup_signals[i], nullptr, &old_[i]);
      if (old_[i].sa_handler != SIG_IGN) ::sigaction(cleanup_signals[i], &on, nullptr);
    }
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGXFSZ, &ignore, &old_xfsz_);
  }
  ~SignalCleanup() {
    if (!enabled_) return;
    for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
      ::sigaction(cleanup_signals[i], &old_[i], nullptr);
    }
    ::sigaction(SIGXFSZ, &old_xfsz_, nullptr);
  }
  SignalCleanup(const SignalCleanup&) = delete;
  SignalCleanup& operator=(const SignalCleanup&) = delete;

  // The temporary file's name, stored before it is created so that no moment goes uncovered.
  [[nodiscard]] bool set_path(const fs::path& p) const {
    if (!enabled_) return true;
    const std::string& s = p.native();
    if (s.size() >= sizeof temp_path_for_signal) return false;
    temp_armed = 0;
    std::memcpy(temp_path_for_signal, s.c_str(), s.size() + 1);
    return true;
  }
  // Creates the temporary file and arms the handler with the signals held back, so that no
  // signal falls between the two (and leaves the file behind).
  int create_and_arm(const fs::path& temp, int flags, mode_t mode) const {
    Held held(enabled_);
    const int fd = ::open(temp.c_str(), flags, mode);
    if (fd >= 0 && enabled_) temp_armed = 1;
    return fd;
  }
  // Renames the temporary file over the target with the signals held back, so that a signal
  // cannot fall between the rename and the disarming (and remove a file of the same name).
  int rename_and_disarm(const fs::path& from, const fs::path& to) const {
    Held held(enabled_);
    const int rc = ::rename(from.c_str(), to.c_str());
    temp_armed = 0;
    return rc;
  }
  void disarm() const { temp_armed = 0; }

 private:
  bool enabled_;
  std::array<struct sigaction, cleanup_signals.size()> old_{};
  struct sigaction old_xfsz_ {};
};

std::string failure(std::string_view what, const fs::path& path, int err) {
  return std::string(what) + " '" + path.string() + "': " + std::strerror(err);
}

// Writes everything, through short writes and interruptions. False with errno set on failure.
bool write_all(int fd, std::string_view content) {
  constexpr std::size_t chunk = std::size_t{1} << 20;
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), std::min(content.size(), chunk));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The descriptor a path such as /dev/stdout or /dev/fd/3 names, when it is open. Writing to it
// directly keeps the shell's choice (append, a pipe, a terminal) instead of reopening the file.
std::optional<int> descriptor_named(const fs::path& path) {
  const std::string& s = path.native();
  int fd = -1;
  if (s == "/dev/stdout") {
    fd = STDOUT_FILENO;
  } else if (s == "/dev/stderr") {
    fd = STDERR_FILENO;
  } else {
    for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
      if (!s.starts_with(prefix)) continue;
      const char* first = s.data() + prefix.size();
      const char* last = s.data() + s.size();
      auto [end, ec] = std::from_chars(first, last, fd);
      if (ec != std::errc() || end != last || first == last) fd = -1;
    }
  }
  if (fd < 0 || ::fcntl(fd, F_GETFD) == -1) return std::nullopt;
  return fd;
}

// Follows a chain of symbolic links to the path it finally names (which need not exist yet).
std::optional<fs::path> final_target(fs::path p, int& err) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    std::error_code ec;
    fs::path to = fs::read_symlink(p, ec);
    if (ec) {
      err = ec.value();
      return std::nullopt;
    }
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  err = ELOOP;
  return std::nullopt;
}

std::string random_suffix() {
  static constexpr std::string_view letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device rd;
  std::uniform_int_distribution<std::size_t> pick(0, letters.size() - 1);
  std::string s;
  for (int i = 0; i < 12; ++i) s += letters[pick(rd)];
  return s;
}

// A device, FIFO or socket: written where it is, never replaced.
std::string write_in_place(const fs::path& shown, const fs::path& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return failure("cannot write", shown, errno);
  bool ok = write_all(fd, content);
  int err = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  return ok ? std::string() : failure("cannot write", shown, err);
}

// Puts the new file's content into the temporary file, open as `fd` at `temp`; returns "" or
// what went wrong.
using Fill = std::function<std::string(int fd, const fs::path& temp)>;

// A regular file (or none yet): a temporary file beside it, renamed over it.
std::string replace_file(const fs::path& shown, const fs::path& target, const struct stat* existing,
                         const Fill& fill, const SignalCleanup& cleanup) {
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::path temp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = dir / (target.filename().string() + ".remit-tmp-" + random_suffix());
    if (!cleanup.set_path(temp)) return failure("cannot write", shown, ENAMETOOLONG);
    // O_EXCL and O_NOFOLLOW: a file or link planted under the name is never opened. A new
    // target gets the usual permissions (0666 less the umask); an existing one keeps its own.
    fd = cleanup.create_and_arm(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                                existing ? 0600 : 0666);
    if (fd < 0 && errno != EEXIST) return failure("cannot write", shown, errno);
  }
  if (fd < 0) return failure("cannot write", shown, EEXIST);
  if (existing) {
    // The owner first (it may clear set-id bits), then the mode. Only root may give a file away;
    // a user may still keep its group. Failing that, the file is ours, as any new file.
    if (::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
      [[maybe_unused]] int ignored = ::fchown(fd, static_cast<uid_t>(-1), existing->st_gid);
    }
    [[maybe_unused]] int ignored = ::fchmod(fd, existing->st_mode & 07777);
  }
  std::string problem;
  try {
    problem = fill(fd, temp);
  } catch (...) {
    // A writer that throws (out of memory halfway through a list, say) leaves no temporary
    // file behind, and the target as it was.
    ::close(fd);
    ::unlink(temp.c_str());
    cleanup.disarm();
    throw;
  }
  if (problem.empty() && ::fsync(fd) != 0) problem = failure("cannot write", shown, errno);
  if (::close(fd) != 0 && problem.empty()) problem = failure("cannot write", shown, errno);
  if (!problem.empty()) {
    ::unlink(temp.c_str());
    cleanup.disarm();
    return problem;
  }
  if (cleanup.rename_and_disarm(temp, target) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return failure("cannot replace", shown, err);
  }
  return {};
}

}  // namespace

std::string write_file_atomically(const fs::path& path, std::string_view content,
                                  WriteOptions options) {
  if (path.empty()) return "no output file named";
  if (auto fd = descriptor_named(path)) {
    return write_all(*fd, content) ? std::string() : failure("cannot write", path, errno);
  }
  int err = 0;
  const auto target = final_target(path, err);
  if (!target) return failure("cannot write", path, err);
  struct stat st {};
  const bool exists = ::stat(target->c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return failure("cannot replace", path, EISDIR);
  if (exists && !S_ISREG(st.st_mode)) return write_in_place(path, *target, content);
  SignalCleanup cleanup(options.clean_up_on_signals);
  const Fill fill = [&](int fd, const fs::path&) {
    return write_all(fd, content) ? std::string() : failure("cannot write", path, errno);
  };
  return replace_file(path, *target, exists ? &st : nullptr, fill, cleanup);
}

std::string write_file_atomically_with(const fs::path& path, const MakeFile& make,
                                       WriteOptions options) {
  if (path.empty()) return "no output file named";
  int err = 0;
  const auto target = descriptor_named(path) ? std::optional<fs::path>() : final_target(path, err);
  if (!descriptor_named(path) && !target) return failure("cannot write", path, err);
  struct stat st {};
  const bool exists = target && ::stat(target->c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return failure("cannot replace", path, EISDIR);
  if (!target || (exists && !S_ISREG(st.st_mode))) {
    // A device, FIFO or open descriptor cannot be renamed over: the file is made in the
    // temporary folder, then its bytes are written there as any other content is.
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec) / ("remit-" + random_suffix());
    if (ec) return failure("cannot write", path, ec.value());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return failure("cannot write", path, errno);
    ::close(fd);
    std::string problem = make(temp);
    std::string bytes;
    if (problem.empty()) {
      std::string error;
      if (auto read = read_file(temp, error)) {
        bytes = std::move(*read);
      } else {
        problem = "cannot write '" + path.string() + "': " + error;
      }
    }
    ::unlink(temp.c_str());
    return problem.empty() ? write_file_atomically(path, bytes, options) : problem;
  }
  SignalCleanup cleanup(options.clean_up_on_signals);
  const Fill fill = [&](int fd, const fs::path& temp) {
    std::string problem = make(temp);
    if (!problem.empty()) return problem;
    // The writer opened the file by its name: it must still be the file created for it, not
    // something put in its place meanwhile.
    struct stat made {
    }, named{};
    if (::fstat(fd, &made) != 0 || ::lstat(temp.c_str(), &named) != 0 ||
        made.st_dev != named.st_dev || made.st_ino != named.st_ino) {
      return failure("cannot write", path, EEXIST);
    }
    return std::string();
  };
  return replace_file(path, *target, exists ? &st : nullptr, fill, cleanup);
}

}  // namespace remit
