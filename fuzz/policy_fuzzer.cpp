// libFuzzer target: the bytes as one policy file, through the whole pipeline (fuzz_targets.hpp).
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  remit::fuzz::policy_one({reinterpret_cast<const char*>(data), size});
  return 0;
}
