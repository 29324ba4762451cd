// SPDX-License-Identifier: GPL-3.0-or-later
// The helpers every reader shares (import_detail.hpp), so that painlog's own
// formats and Daylio's report problems, times, zones and diary days in the
// same words.

#include "painlog/formats/import_detail.hpp"

#include <charconv>

#include <fmt/format.h>

#include "painlog/time/zone.hpp"

namespace painlog {

namespace detail {

std::string problem_text(const InputError& e) {
    // The entry parsers name an option first ("OPTION VALUE: expected …");
    // they are called with an empty option, which leaves " VALUE: …" or ": …".
    std::string_view what = e.what();
    while (!what.empty() && (what.front() == ' ' || what.front() == ':')) what.remove_prefix(1);
    return std::string(what);
}

void Problems::add(std::size_t line, std::string column, std::string message) {
    ++count;
    if (list.size() < max_import_problems) list.push_back({line, std::move(column), std::move(message)});
}

std::optional<Instant> parse_time(std::string_view text, const ImportRules& rules, std::string& problem) {
    auto at = parse_iso_instant(text);
    if (!at) {
        problem = fmt::format("{}: expected a time with its offset, like 2026-11-22T08:30:00+00:00, in the years 1900 to 9999", text);
        return std::nullopt;
    }
    if (*at > rules.now) {
        problem = fmt::format("{}: is in the future (now is {})", text, format_utc(rules.now));
        return std::nullopt;
    }
    return at;
}

std::string zone_problem(std::string_view zone) {
    return fmt::format("'{}': expected an IANA time zone name like Europe/London", zone);
}

std::optional<std::int64_t> parse_positive_id(std::string_view text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || id < 1) return std::nullopt;
    return id;
}

}  // namespace detail

std::string check_diary_day(Instant at, const std::string& zone_name, Day& day, bool day_given,
                            const ImportRules& rules) {
    const auto* zone = locate_zone(zone_name);
    if (!day_given) {
        day = diary_day(at, zone, rules.day_start_hour);
        return "";
    }
    // The day must be the one some allowed day-start hour (0–11) gives.
    auto local = date::make_zoned(zone, at).get_local_time();
    auto local_day = date::floor<date::days>(local);
    auto hour = std::chrono::duration_cast<std::chrono::hours>(local - local_day).count();
    Day calendar{local_day.time_since_epoch()};
    if (day == calendar || (day == calendar - date::days{1} && hour < max_day_start_hour)) return "";
    return fmt::format("{}: is not the diary day of {} in {} (expected {}{})", format_day(day),
                       format_local(at, zone), zone_name, format_day(calendar),
                       hour < max_day_start_hour ? " or " + format_day(calendar - date::days{1}) : "");
}

namespace {

// Collects what a reader hands over, for the parse_* functions.
class Collector final : public ImportSink {
public:
    explicit Collector(ImportData& data) : data_(data) {}
    void entry(Entry entry) override { data_.entries.push_back(std::move(entry)); }
    void event(Event event) override { data_.events.push_back(std::move(event)); }
    void result(QuestionnaireResult result) override { data_.results.push_back(std::move(result)); }
    void dose(Dose dose) override { data_.doses.push_back(std::move(dose)); }
    void forget(Kind kind) override {
        if (kind == Kind::entries) data_.entries.clear();
        else if (kind == Kind::events) data_.events.clear();
        else if (kind == Kind::results) data_.results.clear();
        else data_.doses.clear();
    }

private:
    ImportData& data_;
};

}  // namespace

namespace detail {

std::vector<ImportProblem> read_csv_records(std::istream& in, std::string_view empty_file,
                                            const CsvHeader& read_header) {
    CsvReader reader(in);
    Problems problems;
    auto header = reader.next();
    if (header) {
        auto record = read_header(*header, problems);
        bool header_ok = problems.count == 0;
        // Read on after a bad header too: a problem of the CSV itself outranks it.
        while (auto row = reader.next()) {
            if (!header_ok) continue;
            if (row->fields.size() == header->fields.size()) record(*row);
            else
                problems.add(row->line, "",
                             fmt::format("{} fields: expected {} as in the header", row->fields.size(),
                                         header->fields.size()));
        }
    }
    if (const auto& problem = reader.problem()) return {{problem->line, "", problem->message}};
    if (!header) return {{1, "", std::string(empty_file)}};
    return std::move(problems.list);
}

ParsedImport collect(const ImportReader& read) {
    ParsedImport result;
    Collector collector(result.data);
    result.problems = read(collector);
    if (!result.problems.empty()) result.data = {};
    return result;
}

}  // namespace detail

}  // namespace painlog
