#include "painlog/daylio.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "painlog/csv_reader.hpp"
#include "painlog/error.hpp"
#include "painlog/import_detail.hpp"
#include "painlog/parse.hpp"

namespace painlog {
namespace {

using detail::Problems;

// "13:48", "8:30 am", "12:15 PM" → minutes after midnight.
std::optional<int> parse_clock(std::string_view text) {
    text = trim(text);
    std::optional<bool> pm;
    auto suffix = ascii_lower(text.size() >= 2 ? text.substr(text.size() - 2) : text);
    if (suffix == "am" || suffix == "pm") {
        pm = suffix == "pm";
        text = trim(text.substr(0, text.size() - 2));
    }
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() - colon != 3) return std::nullopt;
    auto hour = parse_whole_number(text.substr(0, colon));
    auto minute = parse_whole_number(text.substr(colon + 1));
    if (!hour || !minute || *minute < 0 || *minute > 59 || *hour < 0) return std::nullopt;
    if (pm) {
        if (*hour < 1 || *hour > 12) return std::nullopt;
        *hour = *hour % 12 + (*pm ? 12 : 0);
    } else if (*hour > 23) {
        return std::nullopt;
    }
    return *hour * 60 + *minute;
}

std::string without_cr(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
    return out;
}

}  // namespace

const std::map<std::string, int, std::less<>>& daylio_default_moods() {
    // Level 1–5 → round_half_even(2.5 × (level − 1)).
    static const std::map<std::string, int, std::less<>> moods{
        {"rad", 10}, {"good", 8}, {"meh", 5}, {"bad", 2}, {"awful", 0}};
    return moods;
}

std::pair<std::string, int> parse_daylio_mood(std::string_view text, std::string_view option) {
    auto eq = text.rfind('=');
    auto label = eq == std::string_view::npos ? std::string() : ascii_lower(trim(text.substr(0, eq)));
    auto value = eq == std::string_view::npos ? std::nullopt : parse_whole_number(trim(text.substr(eq + 1)));
    if (label.empty() || !value || *value < 0 || *value > 10)
        throw InputError(fmt::format("{} {}: expected LABEL=N with a mood N from 0 to 10, like 'ecstatic=10'",
                                     option, text));
    return {label, *value};
}

bool looks_like_daylio(std::string_view text) {
    auto table = read_csv(text.substr(0, text.find('\n') == std::string_view::npos ? text.size() : text.find('\n') + 1));
    if (table.rows.empty()) return false;
    const auto& header = table.rows.front().fields;
    return std::ranges::find(header, "full_date") != header.end() && std::ranges::find(header, "mood") != header.end();
}

ParsedImport parse_daylio_csv(std::string_view text, const DaylioOptions& options) {
    ParsedImport result;
    Problems problems;
    auto table = read_csv(text);
    if (table.problem) {
        result.problems.push_back({table.problem->line, "", table.problem->message});
        return result;
    }
    if (table.rows.empty()) {
        result.problems.push_back({1, "", "empty file: expected a Daylio export with a header row (full_date,…)"});
        return result;
    }
    const auto& header = table.rows.front();
    auto column = [&](std::string_view name) -> std::optional<std::size_t> {
        auto it = std::ranges::find(header.fields, name);
        if (it == header.fields.end()) return std::nullopt;
        return static_cast<std::size_t>(it - header.fields.begin());
    };
    auto full_date = column("full_date"), time = column("time"), mood = column("mood");
    auto activities = column("activities"), note_title = column("note_title"), note = column("note");
    for (auto [name, index] : {std::pair{"full_date", full_date}, {"time", time}, {"mood", mood}})
        if (!index)
            problems.add(header.line, name,
                         "missing from the header: expected Daylio's full_date,date,weekday,time,mood,activities,"
                         "note_title,note");
    for (std::size_t c = 0; c < header.fields.size(); ++c)
        if (std::find(header.fields.begin(), header.fields.begin() + static_cast<std::ptrdiff_t>(c), header.fields[c]) !=
            header.fields.begin() + static_cast<std::ptrdiff_t>(c))
            problems.add(header.line, header.fields[c], "repeated column");
    if (!problems.list.empty()) {
        result.problems = std::move(problems.list);
        return result;
    }
    const auto& rules = options.rules;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row.fields.size() != header.fields.size()) {
            problems.add(row.line, "",
                         fmt::format("{} fields: expected {} as in the header", row.fields.size(), header.fields.size()));
            continue;
        }
        auto before = problems.count;
        Entry entry;
        entry.zone = options.zone->name();
        auto day = parse_iso_day(row.fields[*full_date]);
        if (!day) problems.add(row.line, "full_date", fmt::format("{}: expected a date like 2026-10-06", row.fields[*full_date]));
        auto minutes = parse_clock(row.fields[*time]);
        if (!minutes)
            problems.add(row.line, "time",
                         fmt::format("{}: expected a time like 13:48 or 8:30 am", row.fields[*time]));
        if (day && minutes) {
            date::local_seconds local{day->time_since_epoch() + std::chrono::minutes{*minutes}};
            auto info = options.zone->get_info(local);
            if (info.result == date::local_info::nonexistent) {
                problems.add(row.line, "time",
                             fmt::format("{} {}: does not exist in {} (the clocks went forward)", row.fields[*full_date],
                                         row.fields[*time], entry.zone));
            } else {
                entry.at = date::make_zoned(options.zone, local, date::choose::earliest).get_sys_time();
                if (!is_supported(entry.at))
                    problems.add(row.line, "full_date",
                                 fmt::format("{}: expected a date in the years 1900 to 9999", row.fields[*full_date]));
                else if (entry.at > rules.now)
                    problems.add(row.line, "full_date",
                                 fmt::format("{} {}: is in the future (now is {})", row.fields[*full_date],
                                             row.fields[*time], format_utc(rules.now)));
                entry.day = diary_day(entry.at, options.zone, rules.day_start_hour);
            }
        }
        auto label = ascii_lower(trim(row.fields[*mood]));
        auto custom = options.moods.find(label);
        if (custom != options.moods.end()) {
            entry.rating(Rating::mood) = custom->second;
        } else if (auto known = daylio_default_moods().find(label); known != daylio_default_moods().end()) {
            entry.rating(Rating::mood) = known->second;
        } else if (!label.empty()) {
            problems.add(row.line, "mood",
                         fmt::format("'{}': not one of Daylio's default moods (rad, good, meh, bad, awful); "
                                     "map it to 0-10 with --daylio-mood '{}=N'",
                                     row.fields[*mood], label));
        }
        if (activities) {
            std::string_view list = row.fields[*activities];
            std::size_t start = 0;
            while (start <= list.size()) {
                auto end = std::min(list.find(" | ", start), list.size());
                auto piece = trim(list.substr(start, end - start));
                if (!piece.empty()) {
                    try {
                        add_tag(entry.tags, {TagKind::activity, normalize_tag(piece, "")});
                    } catch (const InputError& e) {
                        problems.add(row.line, "activities", detail::problem_text(e));
                    }
                }
                start = end + 3;
            }
        }
        std::string title = note_title ? without_cr(trim(row.fields[*note_title])) : "";
        std::string body = note ? without_cr(row.fields[*note]) : "";
        std::string text_note = title.empty() ? body : body.empty() ? title : title + "\n" + body;
        try {
            entry.note = validate_note(text_note, "");
        } catch (const InputError& e) {
            problems.add(row.line, note ? "note" : "note_title", detail::problem_text(e));
        }
        if (problems.count == before && !entry.has_values())
            problems.add(row.line, "mood", "empty, with no activities or note: expected a mood");
        if (problems.count == before) result.data.entries.push_back(std::move(entry));
    }
    result.problems = std::move(problems.list);
    if (!result.problems.empty()) {
        result.data = {};
        return result;
    }
    // Daylio lists the newest first; painlog stores in time order.
    std::ranges::stable_sort(result.data.entries, {}, &Entry::at);
    return result;
}

}  // namespace painlog
