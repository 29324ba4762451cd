// SPDX-License-Identifier: GPL-3.0-or-later
// painlog_json.hpp's reader and writers. The reader hands each element
// over as soon as it is read, through nlohmann's SAX interface, so that a
// file of any size is read holding one element; it builds entries and events
// through painlog_fields, which the CSV reader shares.

#include "painlog/formats/painlog_json.hpp"

#include <cmath>
#include <iterator>
#include <map>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "painlog/formats/import_detail.hpp"
#include "painlog/formats/painlog_fields.hpp"
#include "painlog/model/entry_format.hpp"
#include "painlog/store/diary.hpp"
#include "painlog/store/dose_store.hpp"
#include "painlog/store/event_store.hpp"
#include "painlog/store/questionnaire_store.hpp"
#include "painlog/time/zone.hpp"
#include "painlog/util/error.hpp"
#include "painlog/util/json_writer.hpp"

namespace painlog {
namespace {

using detail::EntryField;
using detail::Problems;

using input_json = nlohmann::json;

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

std::string type_name(const input_json& value) {
    if (value.is_null()) return "null";
    if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
    if (value.is_number() || value.is_string()) return value.dump();
    return value.is_array() ? "an array" : "an object";
}

// A JSON value as the text the CSV parser would see, or nullopt when its type
// is wrong (the problem is recorded).
std::optional<std::string> json_integer_text(const input_json& value, detail::EntryBuilder& b, const std::string& key) {
    if (value.is_null()) return std::string();
    if (value.is_number_integer()) return value.dump();
    b.problems.add(b.line, key, fmt::format("{}: expected a whole number or null", type_name(value)));
    return std::nullopt;
}

// "regions" or "qualities": an array of names (null: none).
void json_name_list(detail::EntryBuilder& b, const std::string& key, const input_json& value, EntryField field) {
    if (value.is_null()) return;
    if (!value.is_array()) {
        b.problems.add(b.line, key, fmt::format("{}: expected an array of names", type_name(value)));
        return;
    }
    for (const auto& name : value) {
        if (!name.is_string()) {
            b.problems.add(b.line, key, fmt::format("{}: expected a name", type_name(name)));
            continue;
        }
        // One name per element: a ';' or ',' inside one is not a list.
        auto text = name.get<std::string>();
        if (text.find_first_of(";,") != std::string::npos || text.find_first_not_of(" \t") == std::string::npos)
            b.problems.add(b.line, key, fmt::format("{}: expected one name", name.dump()));
        else if (field == EntryField::regions)
            b.regions(key, text);
        else
            b.qualities(key, text);
    }
}

void json_entry(const input_json& object, std::size_t line, Problems& problems, const ImportRules& rules,
                ImportSink& sink) {
    auto before = problems.count;
    if (!object.is_object()) {
        problems.add(line, "", fmt::format("{}: expected an entry object", type_name(object)));
        return;
    }
    detail::EntryBuilder b(line, problems, rules);
    auto string_of = [&](const std::string& key, const input_json& value, bool nullable) -> std::optional<std::string> {
        if (value.is_string()) return value.get<std::string>();
        if (nullable && value.is_null()) return std::string();
        problems.add(line, key, fmt::format("{}: expected a string{}", type_name(value), nullable ? " or null" : ""));
        return std::nullopt;
    };
    for (const auto& [key, value] : object.items()) {
        auto spec = detail::column_named(key);
        if (key == "tags") {
            if (!value.is_object()) {
                problems.add(line, key, fmt::format("{}: expected an object of tag lists", type_name(value)));
                continue;
            }
            for (const auto& [kind_key, list] : value.items()) {
                auto tag_spec = detail::column_named("tags_" + kind_key);
                auto column = "tags." + kind_key;
                bool legacy = tag_spec && tag_spec->column == EntryField::legacy_medication;
                if (!tag_spec || (!tag_spec->tag_kind && !legacy)) {
                    problems.add(line, column, "unknown tag kind: expected activity, better, worse or side_effect");
                    continue;
                }
                if (!list.is_array()) {
                    problems.add(line, column, fmt::format("{}: expected an array of strings", type_name(list)));
                    continue;
                }
                for (const auto& tag : list) {
                    if (tag.is_string() && legacy) b.legacy_medicine(column, tag.get<std::string>());
                    else if (tag.is_string()) b.tag(column, *tag_spec->tag_kind, tag.get<std::string>());
                    else problems.add(line, column, fmt::format("{}: expected a string", type_name(tag)));
                }
            }
            continue;
        }
        if (spec && (spec->column == EntryField::regions || spec->column == EntryField::qualities)) {
            json_name_list(b, key, value, spec->column);
            continue;
        }
        if (!spec || spec->column == EntryField::tags || spec->column == EntryField::legacy_medication) {
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
    if (problems.count != before) return;
    auto doses = b.legacy_doses();
    sink.entry(std::move(b.entry));
    for (auto& dose : doses) sink.dose(std::move(dose));
}

void json_dose(const input_json& object, std::size_t line, Problems& problems, const ImportRules& rules,
               ImportSink& sink) {
    if (!object.is_object()) return problems.add(line, "", fmt::format("{}: expected a dose object", type_name(object)));
    detail::NamedValues fields;
    bool ok = true;
    for (const auto& [key, value] : object.items()) {
        bool numeric = key == "id" || key == "amount";
        if (value.is_string() && !numeric) fields.emplace_back(key, value.get<std::string>());
        else if (key == "id" && value.is_number_integer()) fields.emplace_back(key, value.dump());
        else if (key == "amount" && value.is_number()) fields.emplace_back(key, value.dump());
        else if (key == "as_needed" && value.is_boolean()) fields.emplace_back(key, value.get<bool>() ? "true" : "false");
        else if (value.is_null() && key != "medicine" && key != "time" && key != "zone") fields.emplace_back(key, "");
        else ok = false, problems.add(line, key, fmt::format("{}: expected {}", type_name(value),
                                                             numeric ? "a number" : key == "as_needed" ? "true, false or null" : "a string"));
    }
    if (!ok) return;
    if (auto dose = detail::dose_from_fields(fields, line, problems, rules)) sink.dose(std::move(*dose));
}

void json_event(const input_json& object, std::size_t line, Problems& problems, const ImportRules& rules,
                ImportSink& sink) {
    if (!object.is_object()) return problems.add(line, "", fmt::format("{}: expected an event object", type_name(object)));
    detail::NamedValues fields;
    bool ok = true;
    for (const auto& [key, value] : object.items()) {
        if (value.is_string()) fields.emplace_back(key, value.get<std::string>());
        else if (key == "id" && value.is_number_integer()) fields.emplace_back(key, value.dump());
        else if ((key == "id" || key == "day" || key == "not_given") && value.is_null()) fields.emplace_back(key, "");
        else ok = false, problems.add(line, key, fmt::format("{}: expected {}", type_name(value),
                                                             key == "id" ? "a whole number" : "a string"));
    }
    if (!ok) return;
    if (auto event = detail::event_from_fields(fields, line, problems, rules)) sink.event(std::move(*event));
}

void json_result(const input_json& object, std::size_t line, Problems& problems, const ImportRules& rules,
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
                                                       input_json(*score).dump(), input_json(r.score).dump()));
    if (auto message = check_diary_day(r.at, r.zone, r.day, day_given, rules); !message.empty())
        return problems.add(line, "day", message);
    sink.result(std::move(r));
}

bool is_section(std::string_view key) {
    return key == "entries" || key == "events" || key == "questionnaires" || key == "doses";
}

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
    bool number_integer(input_json::number_integer_t v) { return value(v, token_line()); }
    bool number_unsigned(input_json::number_unsigned_t v) { return value(v, token_line()); }
    bool number_float(input_json::number_float_t v, const std::string&) { return value(v, token_line()); }
    bool string(std::string& v) { return value(std::move(v), token_line()); }
    bool binary(input_json::binary_t& v) { return value(input_json::binary(std::move(v)), token_line()); }
    bool start_object(std::size_t) { return open(input_json::object()); }
    bool start_array(std::size_t) { return open(input_json::array()); }
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
                             : key_ == "doses"  ? ImportSink::Kind::doses
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
        input_json value;
        std::string key;
    };

    std::size_t token_line() {
        source_.token_done();
        return source_.line();
    }

    bool open(input_json container) {
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
    bool value(input_json v, std::size_t line) {
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
    bool complete(input_json v, std::size_t line);

    JsonSource& source_;
    const ImportRules& rules_;
    ImportSink& sink_;
    std::size_t depth_ = 0;  // 1: in the document, 2: in a section's array
    std::vector<Open> building_;
    std::size_t start_line_ = 1;
    std::size_t element_values_ = 0;
    std::string key_;
    std::map<std::string, Problems> by_key_;
    std::optional<input_json> format_, version_;
    std::optional<std::string> not_an_object_;
    std::optional<std::string> error_;
    std::size_t too_big_line_ = 0;
};

bool JsonReader::complete(input_json v, std::size_t line) {
    if (depth_ == 0) {
        not_an_object_ = type_name(v);
    } else if (depth_ == 2) {
        auto parse = key_ == "entries" ? json_entry
                     : key_ == "events"  ? json_event
                     : key_ == "doses"   ? json_dose
                                         : json_result;
        parse(v, line, by_key_[key_], rules_, sink_);
    } else if (key_ == "format") {
        format_ = std::move(v);
    } else if (key_ == "format_version") {
        version_ = std::move(v);
    } else if (is_section(key_)) {
        by_key_[key_].add(1, key_, fmt::format("{}: expected an array", type_name(v)));
    } else {
        by_key_[key_].add(1, key_, "unknown key: expected format, format_version, entries, events, questionnaires, "
                                   "doses");
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
    bool parsed = input_json::sax_parse(JsonSourceIterator{&source}, JsonSourceIterator{}, &reader);
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

void write_painlog_json(Diary& diary, const EntryQuery& query, std::ostream& out) {
    JsonObjectWriter doc(out);
    doc.member("format", "painlog");
    doc.member("format_version", export_format_version);
    doc.begin_array("entries");
    diary.for_each_entry(query, [&](Entry e) { doc.element(entry_json(e)); });
    doc.end_array();
    doc.begin_array("events");
    for (const auto& e : events_in(diary, query.from, query.to)) doc.element(event_json(e));
    doc.end_array();
    doc.begin_array("questionnaires");
    for (const auto& r : questionnaire_results(diary, std::nullopt, query.from, query.to))
        doc.element(questionnaire_json(r));
    doc.end_array();
    doc.begin_array("doses");
    for (const auto& d : doses_in(diary, query.from, query.to)) doc.element(dose_json(d));
    doc.end_array();
    doc.end();
}

void write_entries_json(Diary& diary, const EntryQuery& query, std::ostream& out) {
    std::size_t written = 0;
    diary.for_each_entry(query, [&](Entry e) {
        out << (written++ == 0 ? "[\n  " : ",\n  ");
        write_indented(out, entry_json(e), 2);
    });
    out << (written == 0 ? "[]\n" : "\n]\n");
}

}  // namespace painlog
