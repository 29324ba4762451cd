#include "painlog/formats/import.hpp"

#include <algorithm>
#include <functional>
#include <charconv>
#include <cmath>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/util/csv.hpp"
#include "painlog/util/csv_reader.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/util/error.hpp"
#include "painlog/formats/export.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/formats/import_detail.hpp"
#include "painlog/store/schema.hpp"

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

using detail::Problems;

// The fields of painlog's entry CSV columns and JSON keys, other than the tags.
enum class EntryField { id, time, zone, day, pain, mood, energy, sleep_hours, sleep_quality, activity, note, tags };

struct ColumnSpec {
    EntryField column;
    std::optional<Rating> rating;
    std::optional<TagKind> tag_kind;
};

std::optional<ColumnSpec> column_named(std::string_view name) {
    static const std::map<std::string, ColumnSpec, std::less<>> columns = [] {
        std::map<std::string, ColumnSpec, std::less<>> m{
            {"id", {EntryField::id, {}, {}}},
            {"time", {EntryField::time, {}, {}}},
            {"zone", {EntryField::zone, {}, {}}},
            {"day", {EntryField::day, {}, {}}},
            {"sleep_hours", {EntryField::sleep_hours, {}, {}}},
            {"note", {EntryField::note, {}, {}}},
        };
        for (auto r : all_ratings) m[std::string(name_of(r))] = {EntryField::pain, r, {}};
        for (auto k : all_tag_kinds) {
            std::string key = "tags_" + std::string(name_of(k));
            std::ranges::replace(key, '-', '_');
            m[key] = {EntryField::tags, {}, k};
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
        if (Zone::find(entry.zone)) has_zone = true;
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
            add_tag(entry.tags, kind, normalize_tag(text, ""));
        } catch (const InputError& e) {
            problems.add(line, std::string(column), detail::problem_text(e));
        }
    }
    void tag_list(std::string_view column, TagKind kind, std::string_view text) {
        for (const auto& piece : split_tag_list_field(text))
            if (piece.find_first_not_of(" \t") != std::string_view::npos) tag(column, kind, piece);
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
        if (problems.count != problems_before) return;
        if (!has_time) return problems.add(line, std::string(time_column), "missing: expected a time");
        if (!has_zone) return problems.add(line, "zone", "missing: expected an IANA time zone name");
        // An entry without values is kept: painlog before 0.2 let an edit
        // clear every value, and an export of such a diary must restore.
        if (auto message = check_diary_day(entry.at, entry.zone, entry.day, day_given, rules); !message.empty())
            problems.add(line, std::string(day_column), message);
    }
};


using Fields = std::vector<std::pair<std::string, std::string>>;

// One event from named text values (a CSV row or a JSON object's strings).
std::optional<Event> event_from_fields(const Fields& fields, std::size_t line, Problems& problems,
                                       const ImportRules& rules) {
    auto before = problems.count;
    Event event;
    std::string time_text;
    bool has_kind = false, has_time = false, has_zone = false, day_given = false;
    for (const auto& [name, value] : fields) {
        try {
            if (name == "id") {
                if (value.empty()) continue;
                if (auto id = detail::parse_positive_id(value)) event.id = *id;
                else problems.add(line, name, fmt::format("{}: expected a positive whole number", value));
            } else if (name == "kind") {
                has_kind = true;
                event.kind = parse_event_kind(value, "");
            } else if (name == "label") {
                event.label = validate_event_label(value, "");
            } else if (name == "time") {
                time_text = value;
                has_time = true;
            } else if (name == "zone") {
                event.zone = value;
                if (Zone::find(value)) has_zone = true;
                else problems.add(line, name, detail::zone_problem(value));
            } else if (name == "day") {
                if (value.empty()) continue;
                if (auto d = parse_iso_day(value)) event.day = *d, day_given = true;
                else problems.add(line, name, fmt::format("{}: expected a date like 2026-11-22", value));
            } else if (name == "note") {
                event.note = validate_note(value, "");
            } else {
                problems.add(line, name, "unknown key: expected the keys of painlog's event JSON");
            }
        } catch (const InputError& e) {
            problems.add(line, name, detail::problem_text(e));
        }
    }
    if (!has_kind) problems.add(line, "kind", "missing: expected infusion, appointment, medication-change or other");
    if (!has_time) problems.add(line, "time", "missing: expected a time");
    if (!has_zone && problems.count == before) problems.add(line, "zone", "missing: expected an IANA time zone name");
    if (problems.count != before) return std::nullopt;
    // Only appointments may lie ahead (event.hpp).
    auto rules_for_kind = rules;
    if (event.kind == EventKind::appointment) rules_for_kind.now = Instant::max();
    std::string problem;
    if (auto at = detail::parse_time(time_text, rules_for_kind, problem)) {
        event.at = *at;
    } else {
        problems.add(line, "time", problem + (event.kind == EventKind::appointment ? "" : "; only appointments may be in the future"));
        return std::nullopt;
    }
    if (auto message = check_diary_day(event.at, event.zone, event.day, day_given, rules); !message.empty()) {
        problems.add(line, "day", message);
        return std::nullopt;
    }
    return event;
}

// The header's names, un-protected; `spec_of` says which are known (for
// entries, what each holds) and `unknown` what to say of the others.
template <typename Spec>
std::vector<std::string> header_names(const CsvRow& header, const std::function<std::optional<Spec>(const std::string&)>& spec_of,
                                      std::vector<Spec>& specs, std::string_view unknown,
                                      std::initializer_list<std::string_view> required, Problems& problems) {
    std::vector<std::string> names;
    for (const auto& raw : header.fields) {
        auto name = unprotect_csv_field(raw);
        auto spec = spec_of(name);
        if (!spec) {
            problems.add(header.line, name, std::string(unknown));
            continue;
        }
        if (std::ranges::find(names, name) != names.end()) problems.add(header.line, name, "repeated column");
        specs.push_back(*spec);
        names.push_back(name);
    }
    for (auto name : required)
        if (std::ranges::find(names, name) == names.end())
            problems.add(header.line, std::string(name), "missing from the header");
    return names;
}

Entry entry_from_row(const CsvRow& row, const std::vector<std::string>& names, const std::vector<ColumnSpec>& specs,
                     Problems& problems, const ImportRules& rules) {
    auto before = problems.count;
    EntryBuilder b(row.line, problems, rules);
    for (std::size_t c = 0; c < names.size(); ++c) {
        auto value = unprotect_csv_field(row.fields[c]);
        const auto& name = names[c];
        const auto& spec = specs[c];
        if (spec.rating) { b.rating(name, *spec.rating, value); continue; }
        switch (spec.column) {
            case EntryField::id: b.id(name, value); break;
            case EntryField::time: b.time(name, value); break;
            case EntryField::zone: b.zone(name, value); break;
            case EntryField::day: b.day(name, value); break;
            case EntryField::sleep_hours: b.sleep(name, value); break;
            case EntryField::note: b.note(name, value); break;
            case EntryField::tags: b.tag_list(name, *spec.tag_kind, value); break;
            default: break;
        }
    }
    b.finish("time", "day", before);
    return std::move(b.entry);
}

// Reads an events file (`export --what events`) after its header.
detail::CsvRecord events_csv(const CsvRow& header, Problems& problems, const ImportRules& rules, ImportSink& sink) {
    std::vector<bool> known;
    auto names = header_names<bool>(
        header,
        [](const std::string& name) {
            return std::ranges::find(event_csv_columns, name) == event_csv_columns.end() ? std::nullopt : std::optional(true);
        },
        known,
        fmt::format("unknown column: expected painlog's events CSV header ({})", fmt::join(event_csv_columns, ",")),
        {"kind", "time", "zone"}, problems);
    return [names, &problems, &rules, &sink](const CsvRow& row) {
        Fields fields;
        for (std::size_t c = 0; c < names.size(); ++c) fields.emplace_back(names[c], unprotect_csv_field(row.fields[c]));
        auto event = event_from_fields(fields, row.line, problems, rules);
        if (event && problems.count == 0) sink.event(std::move(*event));
    };
}

detail::CsvRecord entries_csv(const CsvRow& header, Problems& problems, const ImportRules& rules, ImportSink& sink) {
    std::vector<ColumnSpec> specs;
    auto names = header_names<ColumnSpec>(
        header, [](const std::string& name) { return column_named(name); }, specs,
        "unknown column: expected painlog's CSV header (id,time,zone,day,pain,mood,…), "
        "or use --format daylio for a Daylio export",
        {"time", "zone"}, problems);
    return [names, specs, &problems, &rules, &sink](const CsvRow& row) {
        auto entry = entry_from_row(row, names, specs, problems, rules);
        if (problems.count == 0) sink.entry(std::move(entry));
    };
}

// Collects what a reader hands over, for the parse_* functions.
class Collector final : public ImportSink {
public:
    explicit Collector(ImportData& data) : data_(data) {}
    void entry(Entry entry) override { data_.entries.push_back(std::move(entry)); }
    void event(Event event) override { data_.events.push_back(std::move(event)); }
    void result(QuestionnaireResult result) override { data_.results.push_back(std::move(result)); }
    void forget(Kind kind) override {
        if (kind == Kind::entries) data_.entries.clear();
        else if (kind == Kind::events) data_.events.clear();
        else data_.results.clear();
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

std::vector<ImportProblem> read_painlog_csv(std::istream& in, const ImportRules& rules, ImportSink& sink) {
    return detail::read_csv_records(in, "empty file: expected a header row (time,zone,…)",
                                    [&](const CsvRow& header, Problems& problems) {
                                        for (const auto& raw : header.fields)
                                            if (unprotect_csv_field(raw) == "kind")
                                                return events_csv(header, problems, rules, sink);
                                        return entries_csv(header, problems, rules, sink);
                                    });
}

ParsedImport parse_painlog_csv(std::string_view text, const ImportRules& rules) {
    return detail::collect([&](ImportSink& sink) {
        std::istringstream in{std::string(text)};
        return read_painlog_csv(in, rules, sink);
    });
}

// ---- JSON -----------------------------------------------------------------

namespace {

using json = nlohmann::json;

// The input of nlohmann's lexer, read from a stream in chunks. It counts
// line feeds as the lexer reads, so that the reader knows on which line each
// element starts, and notes what the problems of a file that is not JSON at
// all need: the first NUL byte and whether there is any text.
//
// nlohmann's lexer holds a whole string or number before handing it over:
// the source ends the input when the lexer has read more than
// max_json_token_bytes since the reader last heard from it, so that a
// hostile file cannot fill memory with one string.
class JsonSource {
public:
    explicit JsonSource(std::istream& in) : in_(in) {}
    [[nodiscard]] bool at_end() {
        if (since_token_ > max_json_token_bytes) {
            too_long_line_ = line_;
            return true;
        }
        if (pos_ == buffer_.size()) refill();
        return pos_ == buffer_.size();
    }
    [[nodiscard]] char current() const { return buffer_[pos_]; }
    // The reader has received a token.
    void token_done() { since_token_ = 0; }
    // The line where a token passed the limit, 0 when none did.
    [[nodiscard]] std::size_t too_long_line() const { return too_long_line_; }
    void advance() {
        ++since_token_;
        char c = buffer_[pos_++];
        if (c == '\n') ++line_;
        else if (c == '\0' && nul_line_ == 0) nul_line_ = line_;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') has_text_ = true;
    }
    // Reads what the lexer left, for the NUL and text checks, up to the
    // first NUL (/dev/zero never ends).
    void drain() {
        while (nul_line_ == 0 && !at_end()) {
            since_token_ = 0;
            advance();
        }
    }
    [[nodiscard]] std::size_t line() const { return line_; }
    [[nodiscard]] std::size_t nul_line() const { return nul_line_; }  // 0: none
    [[nodiscard]] bool has_text() const { return has_text_; }

private:
    void refill() {
        buffer_.resize(64 * 1024);
        in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        if (in_.bad()) throw RuntimeError("cannot read the input to its end; nothing was imported");
        buffer_.resize(static_cast<std::size_t>(in_.gcount()));
        pos_ = 0;
    }

    std::istream& in_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t nul_line_ = 0;
    bool has_text_ = false;
    std::size_t since_token_ = 0;
    std::size_t too_long_line_ = 0;
};

struct JsonSourceIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;
    JsonSource* source = nullptr;  // nullptr: the end
    reference operator*() const { return source->current(); }
    JsonSourceIterator& operator++() {
        source->advance();
        return *this;
    }
    // Only ever compared with the end.
    bool operator==(const JsonSourceIterator& other) const { return ended() == other.ended(); }
    [[nodiscard]] bool ended() const { return source == nullptr || source->at_end(); }
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
                ImportSink& sink) {
    auto before = problems.count;
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
        if (!spec || spec->column == EntryField::tags) {
            problems.add(line, key, "unknown key: expected the keys of painlog's entry JSON");
            continue;
        }
        if (spec->rating) {
            if (auto text = json_integer_text(value, b, key)) b.rating(key, *spec->rating, *text);
            continue;
        }
        switch (spec->column) {
            case EntryField::id:
                if (auto text = json_integer_text(value, b, key)) b.id(key, *text);
                break;
            case EntryField::time:
                if (auto text = string_of(key, value, false)) b.time(key, *text);
                break;
            case EntryField::zone:
                if (auto text = string_of(key, value, false)) b.zone(key, *text);
                break;
            case EntryField::day:
                if (auto text = string_of(key, value, true)) b.day(key, *text);
                break;
            case EntryField::note:
                if (auto text = string_of(key, value, true)) b.note(key, *text);
                break;
            case EntryField::sleep_hours:
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
    if (problems.count == before) sink.entry(std::move(b.entry));
}

void json_event(const json& object, std::size_t line, Problems& problems, const ImportRules& rules,
                ImportSink& sink) {
    if (!object.is_object()) return problems.add(line, "", fmt::format("{}: expected an event object", type_name(object)));
    Fields fields;
    bool ok = true;
    for (const auto& [key, value] : object.items()) {
        if (value.is_string()) fields.emplace_back(key, value.get<std::string>());
        else if (key == "id" && value.is_number_integer()) fields.emplace_back(key, value.dump());
        else if ((key == "id" || key == "day") && value.is_null()) fields.emplace_back(key, "");
        else ok = false, problems.add(line, key, fmt::format("{}: expected {}", type_name(value),
                                                             key == "id" ? "a whole number" : "a string"));
    }
    if (!ok) return;
    if (auto event = event_from_fields(fields, line, problems, rules)) sink.event(std::move(*event));
}

void json_result(const json& object, std::size_t line, Problems& problems, const ImportRules& rules,
                 ImportSink& sink) {
    if (!object.is_object())
        return problems.add(line, "", fmt::format("{}: expected a questionnaire result object", type_name(object)));
    auto before = problems.count;
    QuestionnaireResult r;
    bool has_instrument = false, has_time = false, has_zone = false, has_answers = false, day_given = false;
    std::optional<double> score;
    for (const auto& [key, value] : object.items()) {
        auto text = value.is_string() ? value.get<std::string>() : std::string();
        // Named captures: clang 14 cannot capture structured bindings.
        auto want = [&, &key = key, &value = value](bool good, std::string_view what) {
            if (!good) problems.add(line, key, fmt::format("{}: expected {}", type_name(value), what));
            return good;
        };
        if (key == "id") {
            if (!value.is_null() && want(value.is_number_integer() && value.get<std::int64_t>() > 0, "a positive whole number"))
                r.id = value.get<std::int64_t>();
        } else if (key == "instrument") {
            if (!want(value.is_string(), "phq9, gad7 or peg")) continue;
            if (auto i = instrument_named(text)) r.instrument = *i, has_instrument = true;
            else problems.add(line, key, fmt::format("{}: expected phq9, gad7 or peg", text));
        } else if (key == "time") {
            if (!want(value.is_string(), "a time")) continue;
            std::string problem;
            if (auto at = detail::parse_time(text, rules, problem)) r.at = *at, has_time = true;
            else problems.add(line, key, problem);
        } else if (key == "zone") {
            if (!want(value.is_string(), "an IANA time zone name")) continue;
            r.zone = text;
            if (Zone::find(text)) has_zone = true;
            else problems.add(line, key, detail::zone_problem(text));
        } else if (key == "day") {
            if (value.is_null()) continue;
            if (!want(value.is_string(), "a date")) continue;
            if (auto d = parse_iso_day(text)) r.day = *d, day_given = true;
            else problems.add(line, key, fmt::format("{}: expected a date like 2026-11-22", text));
        } else if (key == "answers") {
            if (!want(value.is_array(), "an array of whole numbers")) continue;
            has_answers = true;
            for (const auto& a : value) {
                if (a.is_number_integer() && a.get<std::int64_t>() >= 0 && a.get<std::int64_t>() <= 10)
                    r.answers.push_back(a.get<int>());
                else
                    has_answers = false;
            }
            if (!has_answers) problems.add(line, key, fmt::format("{}: expected whole-number answers", value.dump()));
        } else if (key == "score") {
            if (want(value.is_number(), "a number")) score = value.get<double>();
        } else if (key == "band" || key == "phq2_score" || key == "phq2_positive" || key == "safety_message_needed" ||
                   key == "progress") {
            // Derived from the answers: recomputed, not read.
        } else {
            problems.add(line, key, "unknown key: expected the keys of painlog's questionnaire JSON");
        }
    }
    if (problems.count != before) return;
    if (!has_instrument) return problems.add(line, "instrument", "missing: expected phq9, gad7 or peg");
    if (!has_time) return problems.add(line, "time", "missing: expected a time");
    if (!has_zone) return problems.add(line, "zone", "missing: expected an IANA time zone name");
    if (!has_answers) return problems.add(line, "answers", "missing: expected the item answers");
    try {
        r.score = score_of(r.instrument, r.answers);
    } catch (const InputError& e) {
        return problems.add(line, "answers", e.what());
    }
    if (score && std::abs(*score - r.score) > 1e-9)
        return problems.add(line, "score", fmt::format("{}: does not match the answers (expected {})",
                                                       json(*score).dump(), json(r.score).dump()));
    if (auto message = check_diary_day(r.at, r.zone, r.day, day_given, rules); !message.empty())
        return problems.add(line, "day", message);
    sink.result(std::move(r));
}

}  // namespace

namespace {

bool is_section(std::string_view key) { return key == "entries" || key == "events" || key == "questionnaires"; }

// nlohmann's SAX events turned into one call per element of the entries,
// events and questionnaires arrays, each element built as the DOM parser
// would build it, so that no more than one is held. Problems are kept by
// top-level key and put in key order at the end, the order in which they
// came when the whole document was parsed first.
class JsonReader {
public:
    JsonReader(JsonSource& source, const ImportRules& rules, ImportSink& sink)
        : source_(source), rules_(rules), sink_(sink) {}

    bool null() { return value(nullptr, token_line()); }
    bool boolean(bool v) { return value(v, token_line()); }
    bool number_integer(json::number_integer_t v) { return value(v, token_line()); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v, token_line()); }
    bool number_float(json::number_float_t v, const std::string&) { return value(v, token_line()); }
    bool string(std::string& v) { return value(std::move(v), token_line()); }
    bool binary(json::binary_t& v) { return value(json::binary(std::move(v)), token_line()); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        source_.token_done();
        if (!building_.empty()) {
            building_.back().key = std::move(k);
        } else {
            // A repeated key replaces the earlier value, as in the DOM.
            key_ = std::move(k);
            if (by_key_.contains(key_) && is_section(key_))
                sink_.forget(key_ == "entries" ? ImportSink::Kind::entries
                             : key_ == "events" ? ImportSink::Kind::events
                                                : ImportSink::Kind::results);
            by_key_[key_] = {};
        }
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        error_ = e.what();
        return false;
    }

    // The problems once the parse has succeeded.
    std::vector<ImportProblem> problems() const;
    [[nodiscard]] const std::optional<std::string>& error() const { return error_; }
    // The line of an element that held more than max_json_element_values, or 0.
    [[nodiscard]] std::size_t too_big_line() const { return too_big_line_; }

private:
    struct Open {
        json value;
        std::string key;
    };

    std::size_t token_line() {
        source_.token_done();
        return source_.line();
    }

    bool open(json container) {
        source_.token_done();
        if (building_.empty() && ((depth_ == 0 && container.is_object()) ||
                                  (depth_ == 1 && container.is_array() && is_section(key_)))) {
            ++depth_;  // the document and the sections are not built, only their elements
            return true;
        }
        if (building_.empty()) {
            start_line_ = source_.line();
            element_values_ = 0;
        }
        building_.push_back({std::move(container), {}});
        return true;
    }
    bool close() {
        source_.token_done();
        if (building_.empty()) {
            --depth_;
            return true;
        }
        auto done = std::move(building_.back().value);
        building_.pop_back();
        return value(std::move(done), start_line_);
    }
    bool value(json v, std::size_t line) {
        if (building_.empty()) return complete(std::move(v), line);
        // An element is built whole before it is checked: bound what it holds.
        if (++element_values_ > max_json_element_values) {
            too_big_line_ = start_line_;
            return false;
        }
        auto& top = building_.back();
        if (top.value.is_array()) top.value.push_back(std::move(v));
        else top.value[top.key] = std::move(v);
        return true;
    }
    bool complete(json v, std::size_t line);

    JsonSource& source_;
    const ImportRules& rules_;
    ImportSink& sink_;
    std::size_t depth_ = 0;  // 1: in the document, 2: in a section's array
    std::vector<Open> building_;
    std::size_t start_line_ = 1;
    std::size_t element_values_ = 0;
    std::string key_;
    std::map<std::string, Problems> by_key_;
    std::optional<json> format_, version_;
    std::optional<std::string> not_an_object_;
    std::optional<std::string> error_;
    std::size_t too_big_line_ = 0;
};

bool JsonReader::complete(json v, std::size_t line) {
    if (depth_ == 0) {
        not_an_object_ = type_name(v);
    } else if (depth_ == 2) {
        auto parse = key_ == "entries" ? json_entry : key_ == "events" ? json_event : json_result;
        parse(v, line, by_key_[key_], rules_, sink_);
    } else if (key_ == "format") {
        format_ = std::move(v);
    } else if (key_ == "format_version") {
        version_ = std::move(v);
    } else if (is_section(key_)) {
        by_key_[key_].add(1, key_, fmt::format("{}: expected an array", type_name(v)));
    } else {
        by_key_[key_].add(1, key_, "unknown key: expected format, format_version, entries, events, questionnaires");
    }
    return true;
}

std::vector<ImportProblem> JsonReader::problems() const {
    if (not_an_object_)
        return {{1, "", fmt::format("{}: expected painlog's JSON export, an object", *not_an_object_)}};
    Problems problems;
    if (!format_ || *format_ != "painlog")
        problems.add(1, "format", "expected \"format\": \"painlog\" (is this painlog's JSON export?)");
    if (!version_ || !version_->is_number_integer() || version_->get<std::int64_t>() != export_format_version)
        problems.add(1, "format_version",
                     fmt::format("{}: expected {} (this painlog reads format version {})",
                                 version_ ? version_->dump() : std::string("missing"), export_format_version,
                                 export_format_version));
    for (const auto& [key, found] : by_key_)
        for (const auto& p : found.list) problems.add(p.line, p.column, p.message);
    return std::move(problems.list);
}

}  // namespace

std::vector<ImportProblem> read_painlog_json(std::istream& in, const ImportRules& rules, ImportSink& sink) {
    JsonSource source(in);
    JsonReader reader(source, rules, sink);
    bool parsed = json::sax_parse(JsonSourceIterator{&source}, JsonSourceIterator{}, &reader);
    auto error_line = source.line();
    // nlohmann's lexer takes a NUL byte for the end of the input: a file
    // with one is refused as not text, whatever came before it.
    source.drain();
    if (source.nul_line() != 0) return {{source.nul_line(), "", "NUL byte: this is not a text file"}};
    if (reader.too_big_line() != 0)
        return {{reader.too_big_line(), "",
                 fmt::format("an element holding more than {} values: expected painlog's JSON export",
                             max_json_element_values)}};
    if (source.too_long_line() != 0)
        return {{source.too_long_line(), "",
                 fmt::format("a value longer than {} bytes: expected painlog's JSON export", max_json_token_bytes)}};
    if (parsed) return reader.problems();
    if (!source.has_text()) return {{1, "", "empty file: expected painlog's JSON export"}};
    std::string what = reader.error().value_or("");  // parse_error, and out_of_range for a number like 1e999
    auto colon = what.find(": ");
    auto message = colon == std::string::npos ? what : what.substr(colon + 2);
    return {{error_line, "", fmt::format("not valid JSON: {}", message)}};
}

ParsedImport parse_painlog_json(std::string_view text, const ImportRules& rules) {
    return detail::collect([&](ImportSink& sink) {
        std::istringstream in{std::string(text)};
        return read_painlog_json(in, rules, sink);
    });
}

// ---- writing --------------------------------------------------------------

namespace {

std::string identity_of(const Entry& e) {
    std::string key = std::to_string(e.at.time_since_epoch().count());
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

namespace {

std::string identity_of(const Event& e) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", name_of(e.kind), e.at.time_since_epoch().count(), e.zone,
                       e.label, e.note);
}

std::string identity_of(const QuestionnaireResult& r) {
    std::string answers;
    for (int a : r.answers) answers += std::to_string(a) + ",";
    return fmt::format("{}\x1f{}\x1f{}\x1f{}", name_of(r.instrument), r.at.time_since_epoch().count(), r.zone,
                       answers);
}

// Which of `items` are new (not in `existing`, not repeated), and whether
// their ids can be kept (all given, distinct, free in `table`).
template <typename T>
struct Plan {
    std::vector<const T*> add;
    std::size_t skipped = 0;
    bool keep_ids = false;
};

template <typename T>
Plan<T> plan(Diary& diary, const std::vector<T>& items, const std::vector<T>& existing, std::string_view table) {
    Plan<T> p;
    std::unordered_set<std::string> seen;
    seen.reserve(existing.size() + items.size());
    for (const auto& e : existing) seen.insert(identity_of(e));
    for (const auto& e : items) {
        if (seen.insert(identity_of(e)).second) p.add.push_back(&e);
        else ++p.skipped;
    }
    std::unordered_set<std::int64_t> ids;
    p.keep_ids = !p.add.empty();
    for (const auto* e : p.add)
        if (e->id <= 0 || !ids.insert(e->id).second) p.keep_ids = false;
    if (p.keep_ids) {
        SQLite::Statement taken(diary.db(), fmt::format("SELECT id FROM {}", table));
        while (p.keep_ids && taken.executeStep())
            if (ids.contains(taken.getColumn(0).getInt64())) p.keep_ids = false;
    }
    return p;
}

template <typename T>
std::pair<Day, Day> day_span(const std::vector<T>& items) {
    auto [lo, hi] = std::ranges::minmax(items, {}, &T::day);
    // Two days' margin: a record's day depends on the day-start hour.
    return {lo.day - date::days{2}, hi.day + date::days{2}};
}

constexpr std::string_view entry_insert =
    "INSERT INTO entry (id, at, zone, day, pain, mood, energy, sleep_quality, activity, sleep_hours, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// The entries at one instant, with the ratings in all_ratings order.
std::string same_instant_select() {
    std::string ratings;
    for (auto r : all_ratings) ratings += fmt::format("{}, ", name_of(r));
    return fmt::format("SELECT id, zone, {}sleep_hours, note FROM entry WHERE at = ?", ratings);
}

// Writes entries into the diary as a reader hands them over, so that no more
// than one is held: the diary itself, inside the import's transaction,
// remembers those already written for the Identity check. Events and
// questionnaire results are few; they are held and written at the end.
class DiaryWriter final : public ImportSink {
public:
    DiaryWriter(Diary& diary, DryRun dry_run, EntryOrder order, const ImportProgress& progress)
        : diary_(diary),
          dry_run_(dry_run),
          order_(order),
          progress_(progress),
          same_instant_(diary.db(), same_instant_select()),
          tags_of_(diary.db(), "SELECT kind, name FROM entry_tag WHERE entry_id = ?"),
          id_taken_(diary.db(), "SELECT 1 FROM entry WHERE id = ?"),
          insert_(diary.db(), std::string(entry_insert)),
          insert_tag_(diary.db(), "INSERT INTO entry_tag (entry_id, kind, name) VALUES (?, ?, ?)") {
        largest_id_ = base_id_ = diary.db().execAndGet("SELECT coalesce(max(id), 0) FROM entry").getInt64();
        latest_at_before_ = latest_at_ = diary.db().execAndGet("SELECT coalesce(max(at), '') FROM entry").getString();
        // Entries are the only rows written before finish: back to here forgets them.
        if (dry_run == DryRun::no) diary.db().exec("SAVEPOINT import_entries");
    }

    void entry(Entry e) override {
        auto at = format_utc(e.at);
        if (in_diary(e, at) || (dry_run_ == DryRun::yes && !seen_.insert(identity_of(e)).second)) {
            ++counts_.entries_skipped;
            return;
        }
        ++counts_.entries_added;
        if (dry_run_ == DryRun::no) insert(e, at);
    }
    void event(Event e) override { events_.push_back(std::move(e)); }
    void result(QuestionnaireResult r) override { results_.push_back(std::move(r)); }
    void forget(Kind kind) override;

    ImportCounts finish();

private:
    bool in_diary(const Entry& e, const std::string& at);
    std::optional<std::int64_t> id_for(std::int64_t file_id);
    void insert(const Entry& e, const std::string& at);
    void renumber_new_entries(const std::function<void()>& fill_order, bool overlapping);
    void tick() {
        if (progress_ && ++done_ % 1000 == 0) progress_(done_);
    }

    Diary& diary_;
    DryRun dry_run_;
    EntryOrder order_;
    const ImportProgress& progress_;
    SQLite::Statement same_instant_, tags_of_, id_taken_, insert_, insert_tag_;
    ImportCounts counts_;
    std::vector<Event> events_;
    std::vector<QuestionnaireResult> results_;
    std::unordered_set<std::string> seen_;  // a dry run's would-be entries, which are not written
    std::int64_t base_id_ = 0;              // the largest entry id before the import
    // The latest stored instant (UTC text, which sorts as time does) before
    // the import and now: an entry after it has no equal in the diary, and
    // most files are in time order, so most entries need no lookup.
    std::string latest_at_before_, latest_at_;
    bool keeping_ids_ = true;
    std::vector<std::int64_t> kept_ids_;
    std::int64_t largest_id_ = 0;  // the largest entry id in the diary now, while ids are kept
    std::int64_t provisional_ids_ = 0;  // EntryOrder::by_time: how many were written
    std::size_t done_ = 0;
};

// EntryOrder::by_time writes entries at ids this far above the diary's, out
// of the way of their final ids, which only the whole file decides.
constexpr std::int64_t provisional_offset = std::int64_t{1} << 40;

void DiaryWriter::forget(Kind kind) {
    if (kind == Kind::events) return events_.clear();
    if (kind == Kind::results) return results_.clear();
    if (dry_run_ == DryRun::no) diary_.db().exec("ROLLBACK TO import_entries");
    seen_.clear();
    counts_.entries_added = counts_.entries_skipped = 0;
    keeping_ids_ = true;
    kept_ids_.clear();
    largest_id_ = base_id_;
    provisional_ids_ = 0;
    latest_at_ = latest_at_before_;
}

// Identity (import.hpp) against the diary: an equal entry has the same
// instant, so only those need comparing, found by entry_by_at.
bool DiaryWriter::in_diary(const Entry& e, const std::string& at) {
    if (at > latest_at_) return false;
    same_instant_.reset();
    same_instant_.bind(1, at);
    std::string identity;
    while (same_instant_.executeStep()) {
        Entry old;
        old.at = e.at;
        old.zone = same_instant_.getColumn(1).getString();
        for (std::size_t i = 0; i < all_ratings.size(); ++i) {
            auto column = same_instant_.getColumn(static_cast<int>(2 + i));
            if (!column.isNull()) old.ratings[i] = column.getInt();
        }
        auto sleep = same_instant_.getColumn(static_cast<int>(2 + all_ratings.size()));
        if (!sleep.isNull()) old.sleep_hours = sleep.getDouble();
        old.note = same_instant_.getColumn(static_cast<int>(3 + all_ratings.size())).getString();
        tags_of_.reset();
        tags_of_.bind(1, same_instant_.getColumn(0).getInt64());
        while (tags_of_.executeStep())
            add_tag(old.tags, *tag_kind_named(tags_of_.getColumn(0).getText()), tags_of_.getColumn(1).getText());
        if (identity.empty()) identity = identity_of(e);
        if (identity_of(old) == identity) {
            same_instant_.reset();
            return true;
        }
    }
    return false;
}

// The file's ids are kept while every entry added so far had a free one. The
// first that has none, or a taken one, decides that none are kept: those
// written so far are given the ids they would have had as new entries.
std::optional<std::int64_t> DiaryWriter::id_for(std::int64_t file_id) {
    if (order_ == EntryOrder::by_time) return base_id_ + provisional_offset + ++provisional_ids_;
    if (!keeping_ids_) return std::nullopt;
    if (file_id > 0) {
        bool free = file_id > largest_id_;
        if (!free) {
            id_taken_.reset();
            id_taken_.bind(1, file_id);
            free = !id_taken_.executeStep();
            // A statement left on its row would lock the tables that
            // renumbering drops and rewrites.
            id_taken_.reset();
        }
        if (free) {
            kept_ids_.push_back(file_id);
            largest_id_ = std::max(largest_id_, file_id);
            return file_id;
        }
    }
    keeping_ids_ = false;
    if (!kept_ids_.empty()) {
        renumber_new_entries([&] {
            SQLite::Statement add(diary_.db(), "INSERT INTO temp.import_order (old, new) VALUES (?, ?)");
            for (std::size_t i = 0; i < kept_ids_.size(); ++i) {
                add.bind(1, kept_ids_[i]);
                add.bind(2, base_id_ + static_cast<std::int64_t>(i) + 1);
                add.exec();
                add.reset();
            }
        }, true);
    }
    kept_ids_ = {};
    return std::nullopt;
}

// Moves entries (and their tags) from the ids in temp.import_order's old to
// those in its new; the foreign keys are checked at commit. When the two
// sets may overlap, through negative ids so that no two rows share one.
void DiaryWriter::renumber_new_entries(const std::function<void()>& fill_order, bool overlapping) {
    auto& db = diary_.db();
    db.exec("CREATE TEMP TABLE import_order (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)");
    fill_order();
    db.exec("PRAGMA defer_foreign_keys = ON");
    std::string_view old = "o.old";
    if (overlapping) {
        db.exec("UPDATE entry SET id = -id WHERE id IN (SELECT old FROM temp.import_order)");
        db.exec("UPDATE entry_tag SET entry_id = -entry_id WHERE entry_id IN (SELECT old FROM temp.import_order)");
        old = "-o.old";
    }
    db.exec(fmt::format("UPDATE entry SET id = o.new FROM temp.import_order o WHERE entry.id = {}", old));
    db.exec(fmt::format("UPDATE entry_tag SET entry_id = o.new FROM temp.import_order o WHERE entry_tag.entry_id = {}",
                        old));
    db.exec("DROP TABLE temp.import_order");
}

void DiaryWriter::insert(const Entry& e, const std::string& at) {
    if (auto id = id_for(e.id)) insert_.bind(1, *id);
    else insert_.bind(1);
    // The texts outlive exec(), so SQLite need not copy them.
    auto day = format_day(e.day);
    insert_.bindNoCopy(2, at);
    insert_.bindNoCopy(3, e.zone);
    insert_.bindNoCopy(4, day);
    int index = 5;
    for (auto r : {Rating::pain, Rating::mood, Rating::energy, Rating::sleep_quality, Rating::activity}) {
        if (e.rating(r)) insert_.bind(index, *e.rating(r));
        else insert_.bind(index);
        ++index;
    }
    if (e.sleep_hours) insert_.bind(10, *e.sleep_hours);
    else insert_.bind(10);
    insert_.bindNoCopy(11, e.note);
    insert_.exec();
    insert_.reset();
    latest_at_ = std::max(latest_at_, at);
    auto id = diary_.db().getLastInsertRowid();
    for (const auto& tag : e.tags) {
        insert_tag_.bind(1, id);
        insert_tag_.bind(2, std::string(name_of(tag.kind)));
        insert_tag_.bindNoCopy(3, tag.name);
        insert_tag_.exec();
        insert_tag_.reset();
    }
    tick();
}

ImportCounts DiaryWriter::finish() {
    if (provisional_ids_ > 0)
        renumber_new_entries(
            [&] {
                diary_.db().exec(fmt::format("INSERT INTO temp.import_order (old, new) SELECT id, {} + row_number() "
                                             "OVER (ORDER BY at, id) FROM entry WHERE id > {}",
                                             base_id_, base_id_ + provisional_offset));
            },
            false);
    std::vector<Event> old_events;
    std::vector<QuestionnaireResult> old_results;
    if (!events_.empty()) old_events = events(diary_);
    if (!results_.empty()) {
        auto [from, to] = day_span(results_);
        old_results = questionnaire_results(diary_, std::nullopt, from, to);
    }
    auto new_events = plan(diary_, events_, old_events, "event");
    auto results = plan(diary_, results_, old_results, "questionnaire");
    counts_.events_added = new_events.add.size();
    counts_.events_skipped = new_events.skipped;
    counts_.results_added = results.add.size();
    counts_.results_skipped = results.skipped;
    if (dry_run_ == DryRun::yes) return counts_;

    auto bind_id = [](SQLite::Statement& st, bool keep, std::int64_t id) {
        if (keep) st.bind(1, id);
        else st.bind(1);
    };
    SQLite::Statement insert_event(diary_.db(), "INSERT INTO event (id, kind, label, at, zone, day, note) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto* e : new_events.add) {
        bind_id(insert_event, new_events.keep_ids, e->id);
        insert_event.bind(2, std::string(name_of(e->kind)));
        insert_event.bind(3, e->label);
        insert_event.bind(4, format_utc(e->at));
        insert_event.bind(5, e->zone);
        insert_event.bind(6, format_day(e->day));
        insert_event.bind(7, e->note);
        insert_event.exec();
        insert_event.reset();
        tick();
    }
    SQLite::Statement insert_result(diary_.db(), "INSERT INTO questionnaire (id, instrument, at, zone, day, answers, "
                                                 "score) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const auto* r : results.add) {
        auto answers = answers_text(r->answers);
        bind_id(insert_result, results.keep_ids, r->id);
        insert_result.bind(2, std::string(name_of(r->instrument)));
        insert_result.bind(3, format_utc(r->at));
        insert_result.bind(4, r->zone);
        insert_result.bind(5, format_day(r->day));
        insert_result.bind(6, answers);
        insert_result.bind(7, r->score);
        insert_result.exec();
        insert_result.reset();
        tick();
    }
    return counts_;
}

}  // namespace

ImportOutcome import_records(Diary& diary, const ImportReader& read, DryRun dry_run, EntryOrder order,
                             const ImportProgress& progress) {
    std::optional<Diary::WriteTransaction> transaction;
    if (dry_run == DryRun::no) transaction.emplace(diary);
    ImportOutcome outcome;
    // The writer's savepoint must come after the triggers are set aside, or
    // rolling back to it would bring them back.
    auto read_and_write = [&] {
        DiaryWriter writer(diary, dry_run, order, progress);
        outcome.problems = read(writer);
        if (outcome.problems.empty()) outcome.counts = writer.finish();
    };
    if (transaction) with_logged_runs_rebuilt_after(diary.db(), read_and_write);
    else read_and_write();
    if (!outcome.problems.empty()) return outcome;  // the transaction rolls back what was written
    if (transaction) transaction->commit();
    return outcome;
}

ImportCounts import_data(Diary& diary, const ImportData& data, DryRun dry_run, const ImportProgress& progress) {
    auto read = [&](ImportSink& sink) {
        for (const auto& e : data.entries) sink.entry(e);
        for (const auto& e : data.events) sink.event(e);
        for (const auto& r : data.results) sink.result(r);
        return std::vector<ImportProblem>{};
    };
    return import_records(diary, read, dry_run, EntryOrder::as_read, progress).counts;
}

}  // namespace painlog
