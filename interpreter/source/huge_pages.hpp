// Asks Linux to back a large, freshly reserved buffer with 2 MiB pages. A million posts fill
// some 350 MB of arrays; in 4 KiB pages that is 90,000 page faults, and every random lookup in
// the 16 MiB id table also misses the TLB. On a system whose transparent huge pages are
// `madvise` (Debian's default), only memory advised this way gets large pages. Elsewhere, or when
// the kernel has none to give, it is a no-op: the buffer works the same, only slower.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace remit {

// Advises the whole 2 MiB pages inside [data, data + bytes). Worth it only for buffers of many
// megabytes that are about to be written: call it after reserve() and before filling.
inline void advise_huge_pages(const void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
  if (bytes < 2 * huge) return;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + huge - 1) & ~(huge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge - 1);
  if (end > begin) {
    // Advice only: a failure leaves ordinary pages.
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
#else
  (void)data;
  (void)bytes;
#endif
}

// reserve(n) on a vector, then the advice above on its whole capacity.
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
  v.reserve(n);
  advise_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace remit
