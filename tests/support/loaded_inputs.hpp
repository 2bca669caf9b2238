// What load_inputs gives for some inputs, kept together: the tests that look at the program as
// loaded, before resolution, share this rather than declaring the four pieces each.
#pragma once

#include "resolve/loader.hpp"
#include "source/diagnostic.hpp"
#include "source/source.hpp"

namespace remit::test {

struct LoadedInputs {
  SourceSet sources;
  ast::Program program;
  FileDepths depths;
  Diagnostics diags;
  bool ok = false;

  explicit LoadedInputs(const Inputs& inputs) {
    ok = load_inputs(inputs, sources, program, depths, diags);
  }
};

}  // namespace remit::test
