// `field = "Header"`: a field of an export read from the column with that header, whatever the
// headers the field is usually known by (import/columns.hpp). Given by --columns or by
// `import … columns` in a policy.
#pragma once

#include <string>

#include "source/source.hpp"

namespace remit {

struct ColumnChoice {
  std::string field;    // id, reports_to...
  std::string header;   // as written; compared as import/columns.hpp compares headers
  SourceSpan field_at;  // unknown for --columns
  SourceSpan header_at;
};

}  // namespace remit
