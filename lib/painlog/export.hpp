#pragma once
// painlog's own export formats (painlog-export(1)).
//
// CSV: exactly `painlog list --format csv` (entry_format.hpp), so that list
// and export never drift. JSON: one object
//   {"format": "painlog", "format_version": 1, "entries": [entry_json…]}
// that import.hpp reads back; export → import into an empty diary → export
// gives the same bytes.

#include <vector>

#include <nlohmann/json.hpp>

#include "painlog/entry.hpp"

namespace painlog {

struct ExportData {
    std::vector<Entry> entries;
};

[[nodiscard]] std::string export_csv(const ExportData& data);
[[nodiscard]] nlohmann::ordered_json export_json(const ExportData& data);

}  // namespace painlog
