#include "painlog/import.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "painlog/csv.hpp"
#include "painlog/csv_reader.hpp"
#include "painlog/diary.hpp"
#include "painlog/error.hpp"
#include "painlog/import_detail.hpp"

namespace painlog {

std::string describe(const ImportProblem& problem, std::string_view file) {
    if (problem.column.empty()) return fmt::format("{}:{}: {}", file, problem.line, problem.message);
    return fmt::format("{}:{}: column {}: {}", file, problem.line, problem.column, problem.message);
}

namespace detail {

std::string problem_text(const InputError& e) {
    // The entry parsers name an option first ("OPTION VALUE: expected …");
    // they are called with an empty option, which leaves " VALUE: …" or ": …".
    std::string_view what = e.what();
    while (!what.empty() && (what.front() == ' ' || what.front() == ':')) what.remove_prefix(1);
    return std::string(what);
}

void Problems::add(std::size_t line, std::string column, std::string message) {
    if (list.size() < max_import_problems) list.push_back({line, std::move(column), std::move(message)});
}

std::optional<Instant> parse_time(std::string_view text, const ImportRules& rules, std::string& problem) {
    auto at = parse_iso_instant(text);
    if (!at) {
        problem = fmt::format("{}: expected a time with its offset, like 2026-11-22T08:30:00+00:00", text);
        return std::nullopt;
    }
    if (*at > rules.now) {
        problem = fmt::format("{}: is in the future (now is {})", text, format_utc(rules.now));
        return std::nullopt;
    }
    return at;
}

bool known_zone(const std::string& name) {
    if (name.empty()) return false;
    try {
        (void)date::locate_zone(name);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
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

std::string check_entry_day(Entry& entry, bool day_given, const ImportRules& rules) {
    const auto* zone = date::locate_zone(entry.zone);
    if (!day_given) {
        entry.day = diary_day(entry.at, zone, rules.day_start_hour);
        return "";
    }
    // The day must be the one some allowed day-start hour (0–11) gives.
    auto local = date::make_zoned(zone, entry.at).get_local_time();
    auto local_day = date::floor<date::days>(local);
    auto hour = std::chrono::duration_cast<std::chrono::hours>(local - local_day).count();
    Day calendar{local_day.time_since_epoch()};
    if (entry.day == calendar || (entry.day == calendar - date::days{1} && hour < max_day_start_hour)) return "";
    return fmt::format("{}: is not the diary day of {} in {} (expected {}{})", format_day(entry.day),
                       format_local(entry.at, zone), entry.zone, format_day(calendar),
                       hour < max_day_start_hour ? " or " + format_day(calendar - date::days{1}) : "");
}

namespace {

using detail::Problems;

// The painlog CSV columns other than the tags, by header name.
enum class Column { id, time, zone, day, pain, mood, energy, sleep_hours, sleep_quality, activity, note, tags };

struct ColumnSpec {
    Column column;
    std::optional<Rating> rating;
    std::optional<TagKind> tag_kind;
};

std::optional<ColumnSpec> column_named(std::string_view name) {
    static const std::map<std::string, ColumnSpec, std::less<>> columns = [] {
        std::map<std::string, ColumnSpec, std::less<>> m{
            {"id", {Column::id, {}, {}}},
            {"time", {Column::time, {}, {}}},
            {"zone", {Column::zone, {}, {}}},
            {"day", {Column::day, {}, {}}},
            {"sleep_hours", {Column::sleep_hours, {}, {}}},
            {"note", {Column::note, {}, {}}},
        };
        for (auto r : all_ratings) m[std::string(name_of(r))] = {Column::pain, r, {}};
        for (auto k : all_tag_kinds) {
            std::string key = "tags_" + std::string(name_of(k));
            std::ranges::replace(key, '-', '_');
            m[key] = {Column::tags, {}, k};
        }
        return m;
    }();
    auto it = columns.find(name);
    if (it == columns.end()) return std::nullopt;
    return it->second;
}

// Builds one entry from named text values, collecting problems. Used by both
// the CSV and the JSON parsers so that they accept exactly the same values.
struct EntryBuilder {
    Entry entry;
    bool has_time = false, has_zone = false, day_given = false;
    std::string day_text;
    std::size_t line;
    Problems& problems;
    const ImportRules& rules;

    EntryBuilder(std::size_t at_line, Problems& p, const ImportRules& r) : line(at_line), problems(p), rules(r) {}

    void id(std::string_view column, std::string_view text) {
        if (text.empty()) return;
        if (auto value = detail::parse_positive_id(text)) entry.id = *value;
        else problems.add(line, std::string(column), fmt::format("{}: expected a positive whole number", text));
    }
    void time(std::string_view column, std::string_view text) {
        std::string problem;
        if (auto at = detail::parse_time(text, rules, problem)) {
            entry.at = *at;
            has_time = true;
        } else {
            problems.add(line, std::string(column), problem);
        }
    }
    void zone(std::string_view column, std::string_view text) {
        entry.zone = std::string(text);
        if (detail::known_zone(entry.zone)) has_zone = true;
        else problems.add(line, std::string(column), detail::zone_problem(text));
    }
    void day(std::string_view column, std::string_view text) {
        if (text.empty()) return;
        if (auto d = parse_iso_day(text)) {
            entry.day = *d;
            day_given = true;
        } else {
            problems.add(line, std::string(column), fmt::format("{}: expected a date like 2026-11-22", text));
        }
    }
    void rating(std::string_view column, Rating r, std::string_view text) {
        if (text.empty()) return;
        try {
            entry.rating(r) = parse_rating(text, "");
        } catch (const InputError& e) {
            problems.add(line, std::string(column), detail::problem_text(e));
        }
    }
    void sleep(std::string_view column, std::string_view text) {
        if (text.empty()) return;
        try {
            entry.sleep_hours = parse_sleep_hours(text, "");
        } catch (const InputError& e) {
            problems.add(line, std::string(column), detail::problem_text(e));
        }
    }
    void tag(std::string_view column, TagKind kind, std::string_view text) {
        try {
            add_tag(entry.tags, {kind, normalize_tag(text, "")});
        } catch (const InputError& e) {
            problems.add(line, std::string(column), detail::problem_text(e));
        }
    }
    void tag_list(std::string_view column, TagKind kind, std::string_view text) {
        std::size_t start = 0;
        while (start <= text.size()) {
            auto end = std::min(text.find(';', start), text.size());
            auto piece = text.substr(start, end - start);
            if (piece.find_first_not_of(" \t") != std::string_view::npos) tag(column, kind, piece);
            start = end + 1;
        }
    }
    void note(std::string_view column, std::string_view text) {
        try {
            entry.note = validate_note(text, "");
        } catch (const InputError& e) {
            problems.add(line, std::string(column), detail::problem_text(e));
        }
    }
    // The checks that need several fields; returns whether the entry is good.
    void finish(std::string_view time_column, std::string_view day_column, std::size_t problems_before) {
        if (problems.list.size() != problems_before) return;
        if (!has_time) return problems.add(line, std::string(time_column), "missing: expected a time");
        if (!has_zone) return problems.add(line, "zone", "missing: expected an IANA time zone name");
        if (auto message = check_entry_day(entry, day_given, rules); !message.empty())
            return problems.add(line, std::string(day_column), message);
        if (!entry.has_values())
            problems.add(line, "", "no values: expected at least one rating, sleep hours, tag or note");
    }
};

}  // namespace

ParsedImport parse_painlog_csv(std::string_view text, const ImportRules& rules) {
    ParsedImport result;
    Problems problems;
    auto table = read_csv(text);
    if (table.problem) {
        result.problems.push_back({table.problem->line, "", table.problem->message});
        return result;
    }
    if (table.rows.empty()) {
        result.problems.push_back({1, "", "empty file: expected a header row (time,zone,…)"});
        return result;
    }
    const auto& header = table.rows.front();
    std::vector<ColumnSpec> specs;
    std::vector<std::string> names;
    for (const auto& raw : header.fields) {
        auto name = unprotect_csv_field(raw);
        auto spec = column_named(name);
        if (!spec) {
            problems.add(header.line, name,
                         "unknown column: expected painlog's CSV header (id,time,zone,day,pain,mood,…), "
                         "or use --format daylio for a Daylio export");
            continue;
        }
        if (std::ranges::find(names, name) != names.end()) problems.add(header.line, name, "repeated column");
        specs.push_back(*spec);
        names.push_back(name);
    }
    for (std::string_view required : {"time", "zone"})
        if (std::ranges::find(names, required) == names.end())
            problems.add(header.line, std::string(required), "missing from the header");
    if (!problems.list.empty()) {
        result.problems = std::move(problems.list);
        return result;
    }
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row.fields.size() != names.size()) {
            problems.add(row.line, "",
                         fmt::format("{} fields: expected {} as in the header", row.fields.size(), names.size()));
            continue;
        }
        auto before = problems.list.size();
        EntryBuilder b(row.line, problems, rules);
        for (std::size_t c = 0; c < names.size(); ++c) {
            auto value = unprotect_csv_field(row.fields[c]);
            const auto& name = names[c];
            const auto& spec = specs[c];
            if (spec.rating) { b.rating(name, *spec.rating, value); continue; }
            switch (spec.column) {
                case Column::id: b.id(name, value); break;
                case Column::time: b.time(name, value); break;
                case Column::zone: b.zone(name, value); break;
                case Column::day: b.day(name, value); break;
                case Column::sleep_hours: b.sleep(name, value); break;
                case Column::note: b.note(name, value); break;
                case Column::tags: b.tag_list(name, *spec.tag_kind, value); break;
                default: break;
            }
        }
        b.finish("time", "day", before);
        if (problems.list.size() == before) result.data.entries.push_back(std::move(b.entry));
    }
    result.problems = std::move(problems.list);
    if (!result.problems.empty()) result.data = {};
    return result;
}

// ---- JSON -----------------------------------------------------------------

namespace {

using json = nlohmann::json;

// Counts line feeds as nlohmann's lexer reads, so that the parser callback
// knows on which line each object starts.
struct LineCountingIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;
    const char* p = nullptr;
    std::size_t* line = nullptr;
    reference operator*() const { return *p; }
    LineCountingIterator& operator++() {
        if (*p == '\n') ++*line;
        ++p;
        return *this;
    }
    LineCountingIterator operator++(int) {
        auto copy = *this;
        ++*this;
        return copy;
    }
    bool operator==(const LineCountingIterator& other) const { return p == other.p; }
};

std::string type_name(const json& value) {
    if (value.is_null()) return "null";
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number() || value.is_string()) return value.dump();
    return value.is_array() ? "an array" : "an object";
}

// A JSON value as the text the CSV parser would see, or nullopt when its type
// is wrong (the problem is recorded).
std::optional<std::string> json_integer_text(const json& value, EntryBuilder& b, const std::string& key) {
    if (value.is_null()) return std::string();
    if (value.is_number_integer()) return value.dump();
    b.problems.add(b.line, key, fmt::format("{}: expected a whole number or null", type_name(value)));
    return std::nullopt;
}

void json_entry(const json& object, std::size_t line, Problems& problems, const ImportRules& rules,
                ParsedImport& result) {
    auto before = problems.list.size();
    if (!object.is_object()) {
        problems.add(line, "", fmt::format("{}: expected an entry object", type_name(object)));
        return;
    }
    EntryBuilder b(line, problems, rules);
    auto string_of = [&](const std::string& key, const json& value, bool nullable) -> std::optional<std::string> {
        if (value.is_string()) return value.get<std::string>();
        if (nullable && value.is_null()) return std::string();
        problems.add(line, key, fmt::format("{}: expected a string{}", type_name(value), nullable ? " or null" : ""));
        return std::nullopt;
    };
    for (const auto& [key, value] : object.items()) {
        auto spec = column_named(key);
        if (key == "tags") {
            if (!value.is_object()) {
                problems.add(line, key, fmt::format("{}: expected an object of tag lists", type_name(value)));
                continue;
            }
            for (const auto& [kind_key, list] : value.items()) {
                auto tag_spec = column_named("tags_" + kind_key);
                auto column = "tags." + kind_key;
                if (!tag_spec || !tag_spec->tag_kind) {
                    problems.add(line, column,
                                 "unknown tag kind: expected activity, better, worse, side_effect or medication");
                    continue;
                }
                if (!list.is_array()) {
                    problems.add(line, column, fmt::format("{}: expected an array of strings", type_name(list)));
                    continue;
                }
                for (const auto& tag : list) {
                    if (tag.is_string()) b.tag(column, *tag_spec->tag_kind, tag.get<std::string>());
                    else problems.add(line, column, fmt::format("{}: expected a string", type_name(tag)));
                }
            }
            continue;
        }
        if (!spec || spec->column == Column::tags) {
            problems.add(line, key, "unknown key: expected the keys of painlog's entry JSON");
            continue;
        }
        if (spec->rating) {
            if (auto text = json_integer_text(value, b, key)) b.rating(key, *spec->rating, *text);
            continue;
        }
        switch (spec->column) {
            case Column::id:
                if (auto text = json_integer_text(value, b, key)) b.id(key, *text);
                break;
            case Column::time:
                if (auto text = string_of(key, value, false)) b.time(key, *text);
                break;
            case Column::zone:
                if (auto text = string_of(key, value, false)) b.zone(key, *text);
                break;
            case Column::day:
                if (auto text = string_of(key, value, true)) b.day(key, *text);
                break;
            case Column::note:
                if (auto text = string_of(key, value, true)) b.note(key, *text);
                break;
            case Column::sleep_hours:
                if (value.is_null()) break;
                if (!value.is_number()) {
                    problems.add(line, key, fmt::format("{}: expected a number of hours or null", type_name(value)));
                } else {
                    // 7.5 → "7.5", 8 → "8": the CSV rules (one decimal, 0–24) then apply.
                    double hours = value.get<double>();
                    double tenths = std::round(hours * 10);
                    if (std::abs(hours * 10 - tenths) > 1e-6 || !std::isfinite(hours) || hours < 0 || hours > 24)
                        problems.add(line, key, fmt::format("{}: expected hours from 0 to 24 with at most one "
                                                            "decimal, like 7.5", value.dump()));
                    else
                        b.sleep(key, fmt::format("{}.{}", static_cast<int>(tenths) / 10, static_cast<int>(tenths) % 10));
                }
                break;
            default: break;
        }
    }
    b.finish("time", "day", before);
    if (problems.list.size() == before) result.data.entries.push_back(std::move(b.entry));
}

}  // namespace

ParsedImport parse_painlog_json(std::string_view text, const ImportRules& rules) {
    ParsedImport result;
    Problems problems;
    if (text.find('\0') != std::string_view::npos) {
        std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(text.find('\0')), '\n'));
        result.problems.push_back({line, "", "NUL byte: this is not a text file"});
        return result;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        result.problems.push_back({1, "", "empty file: expected painlog's JSON export"});
        return result;
    }
    std::size_t line = 1;
    std::string section;
    std::map<std::string, std::vector<std::size_t>> object_lines;  // section → line of each element
    json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::key && depth == 1) section = parsed.get<std::string>();
        bool element_start = event == json::parse_event_t::object_start ||
                             event == json::parse_event_t::array_start || event == json::parse_event_t::value;
        if (element_start && depth == 2)
            object_lines[section].push_back(line);
        return true;
    };
    json doc;
    try {
        LineCountingIterator first{text.data(), &line}, last{text.data() + text.size(), &line};
        doc = json::parse(first, last, callback);
    } catch (const json::parse_error& e) {
        std::string_view what = e.what();
        auto colon = what.find(": ");
        auto message = colon == std::string_view::npos ? what : what.substr(colon + 2);
        result.problems.push_back({line, "", fmt::format("not valid JSON: {}", message)});
        return result;
    }
    if (!doc.is_object()) {
        result.problems.push_back({1, "", fmt::format("{}: expected painlog's JSON export, an object", type_name(doc))});
        return result;
    }
    auto format = doc.find("format");
    if (format == doc.end() || *format != "painlog")
        problems.add(1, "format", "expected \"format\": \"painlog\" (is this painlog's JSON export?)");
    auto version = doc.find("format_version");
    if (version == doc.end() || !version->is_number_integer() || version->get<std::int64_t>() != export_format_version)
        problems.add(1, "format_version",
                     fmt::format("{}: expected {} (this painlog reads format version {})",
                                 version == doc.end() ? std::string("missing") : version->dump(),
                                 export_format_version, export_format_version));
    for (const auto& [key, value] : doc.items()) {
        if (key == "format" || key == "format_version") continue;
        if (key != "entries") {
            problems.add(1, key, "unknown key: expected format, format_version, entries");
            continue;
        }
        if (!value.is_array()) {
            problems.add(1, key, fmt::format("{}: expected an array", type_name(value)));
            continue;
        }
        const auto& lines = object_lines[key];
        for (std::size_t i = 0; i < value.size(); ++i)
            json_entry(value[i], i < lines.size() ? lines[i] : 1, problems, rules, result);
    }
    result.problems = std::move(problems.list);
    if (!result.problems.empty()) result.data = {};
    return result;
}

// ---- writing --------------------------------------------------------------

namespace {

std::string identity_of(const Entry& e) {
    std::string key = format_utc(e.at);
    key += '\x1f';
    key += e.zone;
    for (const auto& r : e.ratings) {
        key += '\x1f';
        if (r) key += std::to_string(*r);
    }
    key += '\x1f';
    if (e.sleep_hours) key += fmt::format("{:.1f}", *e.sleep_hours);
    key += '\x1f';
    key += e.note;
    for (const auto& tag : e.tags) {
        key += '\x1f';
        key += name_of(tag.kind);
        key += ':';
        key += tag.name;
    }
    return key;
}

}  // namespace

ImportCounts import_data(Diary& diary, const ImportData& data, DryRun dry_run, const ImportProgress& progress) {
    ImportCounts counts;
    // What is already there: entries on the days the file covers (two days'
    // margin for a different day-start hour).
    std::unordered_set<std::string> seen;
    if (!data.entries.empty()) {
        auto [lo, hi] = std::ranges::minmax(data.entries, {}, &Entry::day);
        for (const auto& e : diary.entries({lo.day - date::days{2}, hi.day + date::days{2}, {}}))
            seen.insert(identity_of(e));
    }
    std::vector<const Entry*> to_add;
    for (const auto& e : data.entries) {
        if (seen.insert(identity_of(e)).second) to_add.push_back(&e);
        else ++counts.entries_skipped;
    }
    // Keep the file's ids only if all of them can be kept.
    std::unordered_set<std::int64_t> ids;
    bool keep = !to_add.empty();
    for (const auto* e : to_add)
        if (e->id <= 0 || !ids.insert(e->id).second) keep = false;
    if (keep) {
        SQLite::Statement taken(diary.db(), "SELECT id FROM entry");
        while (keep && taken.executeStep())
            if (ids.contains(taken.getColumn(0).getInt64())) keep = false;
    }
    counts.kept_ids = keep;
    counts.entries_added = to_add.size();
    if (dry_run == DryRun::yes) return counts;

    diary.write([&] {
        SQLite::Statement insert(diary.db(), "INSERT INTO entry (id, at, zone, day, pain, mood, energy, sleep_quality, "
                                             "activity, sleep_hours, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        SQLite::Statement insert_tag(diary.db(), "INSERT INTO entry_tag (entry_id, kind, name) VALUES (?, ?, ?)");
        std::size_t done = 0;
        for (const auto* e : to_add) {
            if (keep) insert.bind(1, e->id);
            else insert.bind(1);
            insert.bind(2, format_utc(e->at));
            insert.bind(3, e->zone);
            insert.bind(4, format_day(e->day));
            int index = 5;
            for (auto r : {Rating::pain, Rating::mood, Rating::energy, Rating::sleep_quality, Rating::activity}) {
                if (e->rating(r)) insert.bind(index, *e->rating(r));
                else insert.bind(index);
                ++index;
            }
            if (e->sleep_hours) insert.bind(10, *e->sleep_hours);
            else insert.bind(10);
            insert.bind(11, e->note);
            insert.exec();
            insert.reset();
            auto id = diary.db().getLastInsertRowid();
            for (const auto& tag : e->tags) {
                insert_tag.bind(1, id);
                insert_tag.bind(2, std::string(name_of(tag.kind)));
                insert_tag.bind(3, tag.name);
                insert_tag.exec();
                insert_tag.reset();
            }
            if (progress && (++done % 1000 == 0 || done == to_add.size())) progress(done, to_add.size());
        }
    });
    return counts;
}

}  // namespace painlog
