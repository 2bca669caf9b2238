// A vector whose copies share one buffer until one of them is edited (copy on write).
//
// A what-if variant of an organisation is a copy of it; with the units, people and holdings in
// SharedVectors, the copy costs a few reference counts, and only what a scenario edits is
// duplicated (a designation list for `designate`, the holdings for `assign`), not the million
// units it leaves alone.
#pragma once

#include <memory>
#include <vector>

namespace remit {

template <typename T>
class SharedVector {
 public:
  [[nodiscard]] const T& operator[](std::size_t i) const { return (*data_)[i]; }
  [[nodiscard]] std::size_t size() const { return data_->size(); }
  [[nodiscard]] bool empty() const { return data_->empty(); }
  [[nodiscard]] auto begin() const { return data_->cbegin(); }
  [[nodiscard]] auto end() const { return data_->cend(); }
  [[nodiscard]] const std::vector<T>& get() const { return *data_; }

  // The vector to change, made this copy's own first if another copy shares it.
  std::vector<T>& edit() {
    if (data_.use_count() > 1) data_ = std::make_shared<std::vector<T>>(*data_);
    return *data_;
  }

 private:
  std::shared_ptr<std::vector<T>> data_ = std::make_shared<std::vector<T>>();
};

}  // namespace remit
