// The stdlib modules compiled into the executable (see cmake/embed_stdlib.cmake).
#pragma once

#include <span>
#include <string_view>

namespace remit {

struct EmbeddedModule {
  std::string_view name;  // "uk/lgha1989"
  std::string_view text;
};

std::span<const EmbeddedModule> embedded_stdlib();

}  // namespace remit
