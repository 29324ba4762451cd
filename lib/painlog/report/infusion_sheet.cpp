// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/report/infusion_sheet.hpp"

#include <fmt/format.h>

#include "painlog/analysis/care.hpp"
#include "painlog/report/report.hpp"
#include "painlog/report/svg_chart.hpp"
#include "painlog/util/text.hpp"

namespace painlog {
namespace {

std::string sheet_answer(const std::optional<bool>& value) { return !value ? "not answered" : *value ? "yes" : "no"; }

std::string sheet_answer(const std::optional<std::string>& value) {
    return !value ? "not answered" : value->empty() ? "none" : one_line(*value);
}

std::string sheet_title(const InfusionSheet& s) {
    auto label = s.infusion.label.empty() ? std::string() : " (" + one_line(s.infusion.label) + ")";
    return fmt::format("Before your infusion{} on {}", label,
                       format_local_minutes(s.infusion.at, stored_zone(s.infusion.zone, s.zone)));
}

// What to do on the day: the fasting times under sedation and the journey
// home, in the clinic's words (infusion_check.hpp).
std::vector<std::string> on_the_day(const InfusionSheet& s) {
    std::vector<std::string> lines;
    if (auto fasting = sheet_fasting(s))
        lines.push_back(fmt::format("Sedation is planned: {} (as your clinic's instructions say: no food for {} "
                                    "hours and only clear fluids until {} hours before).",
                                    *fasting, s.rules.fasting_food_hours, s.rules.fasting_fluids_hours));
    lines.emplace_back(clinic_text::take_home);
    return lines;
}

std::vector<std::string> sheet_instructions(const InfusionSheet& s) {
    return {std::string(clinic_text::tell_changes),
            fmt::format(fmt::runtime(clinic_text::aftercare), s.rules.aftercare_hours),
            std::string(clinic_text::keep_diary)};
}

std::vector<std::string> medicine_lines(const InfusionSheet& s) {
    std::vector<std::string> lines;
    for (const auto& m : s.flagged) lines.push_back(fmt::format("{} ({})", m.medicine, m.classes));
    return lines;
}

struct Section {
    std::string heading;
    std::vector<std::string> lines;
};

// The sheet's body, shared by the three document formats.
std::vector<Section> sheet_sections(const InfusionSheet& s) {
    std::vector<Section> out;
    auto open = sheet_open_items(s);
    out.push_back({open.empty() ? "Nothing is open" : "Still open", open});
    out.push_back({fmt::format("On the day, {}", format_local_minutes(s.infusion.at, s.zone).substr(0, 10)),
                   on_the_day(s)});
    if (s.check) {
        auto changes = health_changes(*s.check);
        if (!changes.empty()) out.push_back({"Tell your consultant before the infusion", changes});
    }
    if (!s.flagged.empty()) out.push_back({std::string(clinic_text::check_medicines), medicine_lines(s)});
    out.push_back({"Your answers", check_answer_lines(s.check)});
    out.push_back({"Your clinic's instructions", sheet_instructions(s)});
    return out;
}

std::string sheet_header_line(const InfusionSheet& s) {
    std::string who = s.name.empty() ? "" : one_line(s.name) + " · ";
    return fmt::format("{}{} · generated {}", who, name_of(s.state), s.generated);
}

}  // namespace

std::vector<std::string> check_answer_lines(const std::optional<InfusionCheck>& check) {
    InfusionCheck c = check.value_or(InfusionCheck{});
    std::vector<std::string> lines{
        fmt::format("Pregnant, or could be: {}", sheet_answer(c.pregnant)),
        fmt::format("Breastfeeding: {}", sheet_answer(c.breastfeeding)),
        fmt::format("New symptoms since the booking: {}", sheet_answer(c.new_symptoms)),
        fmt::format("A new heart problem: {}", sheet_answer(c.heart_problem)),
        fmt::format("New medicines since the booking: {}", sheet_answer(c.new_medicines)),
    };
    if (!c.medicines.empty())
        lines.push_back(fmt::format("The medicines listed are the ones you take: {}", sheet_answer(c.medicines_confirmed)));
    lines.push_back(fmt::format("Sedation planned: {}", sheet_answer(c.sedation)));
    lines.push_back(fmt::format("Someone will take you home: {}", sheet_answer(c.escort)));
    if (check) lines.push_back(fmt::format("Answered {}", format_local_minutes(c.at, stored_zone(c.zone))));
    return lines;
}

std::optional<std::string> sheet_fasting(const InfusionSheet& s) {
    if (!s.check || s.check->sedation != true) return std::nullopt;
    return fasting_text(fasting_times(s.infusion.at, s.rules), s.infusion, s.zone);
}

std::vector<std::string> sheet_open_items(const InfusionSheet& s) {
    return open_items(s.check.value_or(InfusionCheck{}));
}

std::string sheet_text(const InfusionSheet& s) {
    std::string out = sheet_title(s) + "\n" + sheet_header_line(s) + "\n";
    for (const auto& section : sheet_sections(s)) {
        out += "\n" + section.heading + (section.lines.empty() ? ".\n" : ":\n");
        for (const auto& line : section.lines) out += wrap_words(line, 78, "  - ", "    ");
    }
    return out + "\n" + wrap_words(std::string(clinic_text::not_advice), 78, "", "");
}

std::string sheet_markdown(const InfusionSheet& s) {
    std::string out = "# " + markdown_escape(sheet_title(s)) + "\n\n" + markdown_escape(sheet_header_line(s)) + "\n";
    for (const auto& section : sheet_sections(s)) {
        out += "\n## " + markdown_escape(section.heading) + "\n" + (section.lines.empty() ? "" : "\n");
        for (const auto& line : section.lines) out += "- " + markdown_escape(line) + "\n";
    }
    return out + "\n*" + markdown_escape(clinic_text::not_advice) + "*\n";
}

std::string sheet_html(const InfusionSheet& s) {
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
        xml_escape(sheet_title(s)) +
        "</title>\n<style>body{font:15px/1.45 system-ui,\"DejaVu Sans\",Arial,sans-serif;max-width:42rem;margin:0 "
        "auto;padding:1rem}h1{font-size:1.3rem}h2{font-size:1.05rem;border-bottom:2px solid #222}"
        "li{margin:.15rem 0}.small{font-size:.85rem;color:#444}@media print{@page{size:A4;margin:14mm}"
        "body{font-size:10pt}}</style>\n</head>\n<body>\n<h1>" +
        xml_escape(sheet_title(s)) + "</h1>\n<p class=\"small\">" + xml_escape(sheet_header_line(s)) + "</p>\n";
    for (const auto& section : sheet_sections(s)) {
        out += "<h2>" + xml_escape(section.heading) + "</h2>\n";
        if (section.lines.empty()) continue;
        out += "<ul>\n";
        for (const auto& line : section.lines) out += "<li>" + xml_escape(line) + "</li>\n";
        out += "</ul>\n";
    }
    return out + "<p class=\"small\">" + xml_escape(clinic_text::not_advice) + "</p>\n</body>\n</html>\n";
}

nlohmann::ordered_json sheet_json(const InfusionSheet& s) {
    using json = nlohmann::ordered_json;
    json j;
    j["infusion"] = event_json(s.infusion);
    j["state"] = name_of(s.state);
    j["check"] = s.check ? infusion_check_json(*s.check) : json();
    auto open = sheet_open_items(s);
    j["complete"] = open.empty();
    j["open"] = open;
    j["health_changes"] = s.check ? json(health_changes(*s.check)) : json::array();
    j["medicines"] = json::array();
    for (const auto& m : s.flagged) j["medicines"].push_back({{"medicine", m.medicine}, {"classes", m.classes}});
    if (s.check && s.check->sedation == true) {
        auto f = fasting_times(s.infusion.at, s.rules);
        j["fasting"] = {{"no_food_after", format_local(f.no_food_after, s.zone)},
                        {"clear_fluids_until", format_local(f.clear_fluids_until, s.zone)}};
    } else {
        j["fasting"] = nullptr;
    }
    j["rules"] = {{"fasting_food_hours", s.rules.fasting_food_hours},
                  {"fasting_fluids_hours", s.rules.fasting_fluids_hours},
                  {"aftercare_hours", s.rules.aftercare_hours}};
    auto all = on_the_day(s);
    for (auto& line : sheet_instructions(s)) all.push_back(std::move(line));
    j["instructions"] = all;
    return j;
}

}  // namespace painlog
