#include "authoring/format/unified_diff.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace remit::format {
namespace {

constexpr std::size_t context = 3;
// Past this many differing lines the diff is one change of the whole middle: still a correct
// diff, found without the quadratic memory of the edit script.
constexpr std::ptrdiff_t max_edits = 2000;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::size_t take = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, take));
    text.remove_prefix(take);
  }
  return lines;
}

enum class Op : std::uint8_t { keep, remove, add };

// The shortest edit script from a to b (Myers 1986), as one Op per line of output.
std::vector<Op> edit_script(const std::vector<std::string_view>& a,
                            const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size()), m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t offset = n + m + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * offset + 1), 0);
  std::vector<std::vector<std::ptrdiff_t>> trace;
  std::ptrdiff_t found = -1;
  for (std::ptrdiff_t d = 0; d <= n + m && d <= max_edits; ++d) {
    // Only the diagonals round d can read: -(d+1) … d+1.
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                             ? v[offset + k + 1]
                             : v[offset + k - 1] + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  std::vector<Op> ops;
  if (found < 0) {  // too different: all of a out, all of b in
    ops.assign(a.size(), Op::remove);
    ops.insert(ops.end(), b.size(), Op::add);
    return ops;
  }
  std::ptrdiff_t x = n, y = m;
  for (std::ptrdiff_t d = found; d > 0; --d) {
    const std::vector<std::ptrdiff_t>& saved = trace[static_cast<std::size_t>(d)];
    const auto pv = [&](std::ptrdiff_t k) { return saved[static_cast<std::size_t>(k + d + 1)]; };
    const std::ptrdiff_t k = x - y;
    const bool down = k == -d || (k != d && pv(k - 1) < pv(k + 1));
    const std::ptrdiff_t pk = down ? k + 1 : k - 1;
    const std::ptrdiff_t px = pv(pk), py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      ops.push_back(Op::keep);
      --x;
      --y;
    }
    ops.push_back(down ? Op::add : Op::remove);
    x = px;
    y = py;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::keep);
    --x;
    --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string range(std::size_t start, std::size_t count) {
  // An empty range names the line before it, as diff does.
  return std::to_string(count == 0 ? start : start + 1) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view name) {
  if (before == after) return "";
  const auto a = lines_of(before), b = lines_of(after);
  const std::vector<Op> ops = edit_script(a, b);
  std::string out = "--- " + std::string(name) + "\n+++ " + std::string(name) + "\n";
  // Walk the script; a hunk runs from a change's context to the next change more than
  // 2 × context lines of keeps away.
  std::size_t i = 0;
  const auto line = [](std::string_view l) {
    std::string s(l);
    if (s.empty() || s.back() != '\n') s += "\n\\ No newline at end of file\n";
    return s;
  };
  std::vector<std::size_t> ai(ops.size() + 1), bi(ops.size() + 1);
  for (std::size_t k = 0, x = 0, y = 0; k <= ops.size(); ++k) {
    ai[k] = x;
    bi[k] = y;
    if (k == ops.size()) break;
    if (ops[k] != Op::add) ++x;
    if (ops[k] != Op::remove) ++y;
  }
  while (i < ops.size()) {
    while (i < ops.size() && ops[i] == Op::keep) ++i;
    if (i == ops.size()) break;
    const std::size_t start = i >= context ? i - context : 0;
    std::size_t end = i;
    while (end < ops.size()) {
      std::size_t keeps = 0, j = end;
      while (j < ops.size() && ops[j] == Op::keep) {
        ++keeps;
        ++j;
      }
      if (j == ops.size() || keeps > 2 * context) {
        end = std::min(end + context, ops.size());
        break;
      }
      end = j;
      while (end < ops.size() && ops[end] != Op::keep) ++end;
    }
    out += "@@ -" + range(ai[start], ai[end] - ai[start]) + " +" +
           range(bi[start], bi[end] - bi[start]) + " @@\n";
    for (std::size_t k = start; k < end; ++k) {
      switch (ops[k]) {
        case Op::keep:
          out += ' ';
          out += line(a[ai[k]]);
          break;
        case Op::remove:
          out += '-';
          out += line(a[ai[k]]);
          break;
        case Op::add:
          out += '+';
          out += line(b[bi[k]]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace remit::format
