#include "painlog/export.hpp"

#include "painlog/entry_format.hpp"
#include "painlog/import.hpp"

namespace painlog {

std::string export_csv(const ExportData& data) { return entries_csv(data.entries); }

nlohmann::ordered_json export_json(const ExportData& data) {
    nlohmann::ordered_json j;
    j["format"] = "painlog";
    j["format_version"] = export_format_version;
    j["entries"] = entries_json(data.entries);
    return j;
}

}  // namespace painlog
