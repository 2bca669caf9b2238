// libFuzzer target: the bytes as a client's stream to the language server, then as a document
// being edited in it (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  remit::fuzz::lsp_one({reinterpret_cast<const char*>(data), size});
  return 0;
}
