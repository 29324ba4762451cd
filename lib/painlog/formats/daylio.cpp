// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/formats/daylio.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

#include <fmt/format.h>

#include "painlog/util/csv_reader.hpp"
#include "painlog/util/error.hpp"
#include "painlog/formats/import_detail.hpp"
#include "painlog/util/parse.hpp"

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

// Where the columns are; the optional ones may be missing.
struct DaylioColumns {
    std::size_t full_date = 0, time = 0, mood = 0;
    std::optional<std::size_t> activities, note_title, note;
};

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

namespace {

// One Daylio row as an entry; problems are added to `problems`.
Entry daylio_entry(const CsvRow& row, const DaylioColumns& columns, const DaylioOptions& options, Problems& problems) {
    const auto& rules = options.rules;
    const auto& fields = row.fields;
    Entry entry;
    entry.zone = options.zone->name();
    auto day = parse_iso_day(fields[columns.full_date]);
    if (!day) problems.add(row.line, "full_date", fmt::format("{}: expected a date like 2026-10-06", fields[columns.full_date]));
    auto minutes = parse_clock(fields[columns.time]);
    if (!minutes)
        problems.add(row.line, "time", fmt::format("{}: expected a time like 13:48 or 8:30 am", fields[columns.time]));
    if (day && minutes) {
        date::local_seconds local{day->time_since_epoch() + std::chrono::minutes{*minutes}};
        auto info = options.zone->get_info(local);
        if (info.result == date::local_info::nonexistent) {
            problems.add(row.line, "time",
                         fmt::format("{} {}: does not exist in {} (the clocks went forward)", fields[columns.full_date],
                                     fields[columns.time], entry.zone));
        } else {
            entry.at = date::make_zoned(options.zone, local, date::choose::earliest).get_sys_time();
            if (!is_supported(entry.at))
                problems.add(row.line, "full_date",
                             fmt::format("{}: expected a date in the years 1900 to 9999", fields[columns.full_date]));
            else if (entry.at > rules.now)
                problems.add(row.line, "full_date",
                             fmt::format("{} {}: is in the future (now is {})", fields[columns.full_date],
                                         fields[columns.time], format_utc(rules.now)));
            entry.day = diary_day(entry.at, options.zone, rules.day_start_hour);
        }
    }
    auto label = ascii_lower(trim(fields[columns.mood]));
    auto custom = options.moods.find(label);
    if (custom != options.moods.end()) {
        entry.rating(Rating::mood) = custom->second;
    } else if (auto known = daylio_default_moods().find(label); known != daylio_default_moods().end()) {
        entry.rating(Rating::mood) = known->second;
    } else if (!label.empty()) {
        problems.add(row.line, "mood",
                     fmt::format("'{}': not one of Daylio's default moods (rad, good, meh, bad, awful); "
                                 "map it to 0-10 with --daylio-mood '{}=N'",
                                 fields[columns.mood], label));
    }
    if (columns.activities) {
        std::string_view list = fields[*columns.activities];
        std::size_t start = 0;
        while (start <= list.size()) {
            auto end = std::min(list.find(" | ", start), list.size());
            auto piece = trim(list.substr(start, end - start));
            if (!piece.empty()) {
                try {
                    add_tag(entry.tags, TagKind::activity, normalize_tag(piece, ""));
                } catch (const InputError& e) {
                    problems.add(row.line, "activities", detail::problem_text(e));
                }
            }
            start = end + 3;
        }
    }
    std::string title = columns.note_title ? without_cr(trim(fields[*columns.note_title])) : "";
    std::string body = columns.note ? without_cr(fields[*columns.note]) : "";
    std::string text_note = title.empty() ? body : body.empty() ? title : title + "\n" + body;
    try {
        entry.note = validate_note(text_note, "");
    } catch (const InputError& e) {
        problems.add(row.line, columns.note ? "note" : "note_title", detail::problem_text(e));
    }
    return entry;
}

// The columns found in the header, or problems.
DaylioColumns daylio_columns(const CsvRow& header, Problems& problems) {
    auto column = [&](std::string_view name) -> std::optional<std::size_t> {
        auto it = std::ranges::find(header.fields, name);
        if (it == header.fields.end()) return std::nullopt;
        return static_cast<std::size_t>(it - header.fields.begin());
    };
    auto full_date = column("full_date"), time = column("time"), mood = column("mood");
    for (auto [name, index] : {std::pair{"full_date", full_date}, {"time", time}, {"mood", mood}})
        if (!index)
            problems.add(header.line, name,
                         "missing from the header: expected Daylio's full_date,date,weekday,time,mood,activities,"
                         "note_title,note");
    for (std::size_t c = 0; c < header.fields.size(); ++c)
        if (std::find(header.fields.begin(), header.fields.begin() + static_cast<std::ptrdiff_t>(c), header.fields[c]) !=
            header.fields.begin() + static_cast<std::ptrdiff_t>(c))
            problems.add(header.line, header.fields[c], "repeated column");
    return {full_date.value_or(0), time.value_or(0), mood.value_or(0), column("activities"), column("note_title"),
            column("note")};
}

}  // namespace

std::vector<ImportProblem> read_daylio_csv(std::istream& in, const DaylioOptions& options, ImportSink& sink) {
    return detail::read_csv_records(
        in, "empty file: expected a Daylio export with a header row (full_date,…)",
        [&](const CsvRow& header, Problems& problems) -> detail::CsvRecord {
            auto columns = daylio_columns(header, problems);
            return [columns, &options, &problems, &sink](const CsvRow& row) {
                auto before = problems.count;
                auto entry = daylio_entry(row, columns, options, problems);
                if (problems.count == before && !entry.has_values())
                    problems.add(row.line, "mood", "empty, with no activities or note: expected a mood");
                if (problems.count == 0) sink.entry(std::move(entry));
            };
        });
}

ParsedImport parse_daylio_csv(std::string_view text, const DaylioOptions& options) {
    auto result = detail::collect([&](ImportSink& sink) {
        std::istringstream in{std::string(text)};
        return read_daylio_csv(in, options, sink);
    });
    // Daylio lists the newest first; painlog stores in time order.
    std::ranges::stable_sort(result.data.entries, {}, &Entry::at);
    return result;
}

}  // namespace painlog
