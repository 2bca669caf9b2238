#include "import/kept_text.hpp"

#include <cstring>

#include "source/text_hash.hpp"

namespace remit {

std::uint32_t KeptText::hash(std::string_view text) {
  return static_cast<std::uint32_t>(text_hash(text));
}

std::string_view KeptText::find(std::string_view text, std::uint32_t hash) {
  if (text.empty()) return {};
  const bool full = 4 * (count_ + 1) > 3 * slots_.size();
  if (full && slots_.size() < max_slots) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    Slot& slot = slots_[s];
    if (slot.data == nullptr) {
      const std::string_view kept = arena_.copy(text);
      if (full && slots_.size() == max_slots) return kept;  // copied, not kept for others
      slot = Slot{kept.data(), static_cast<std::uint32_t>(kept.size()), hash};
      ++count_;
      return kept;
    }
    if (slot.hash == hash && slot.size == text.size() &&
        std::memcmp(slot.data, text.data(), text.size()) == 0) {
      return {slot.data, slot.size};
    }
  }
}

void KeptText::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.data == nullptr) continue;
    std::size_t s = slot.hash & mask;
    while (slots_[s].data != nullptr) s = (s + 1) & mask;
    slots_[s] = slot;
  }
}

}  // namespace remit
