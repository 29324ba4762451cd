// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/csv_reader.hpp"

#include <sstream>

#include <fmt/format.h>

#include "painlog/util/error.hpp"
#include "painlog/util/parse.hpp"

namespace painlog {
namespace {

bool is_forbidden_control(char c) {
    auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f;
}

}  // namespace


namespace {

constexpr std::size_t chunk_size = 64 * 1024;

}  // namespace

void CsvReader::read_more() {
    buffer_.erase(0, pos_);
    checked_ -= pos_;
    pos_ = 0;
    if (!end_of_input_) {
        auto old_size = buffer_.size();
        buffer_.resize(old_size + chunk_size);
        in_.read(buffer_.data() + old_size, static_cast<std::streamsize>(chunk_size));
        if (in_.bad()) throw RuntimeError("cannot read the input to its end; nothing was imported");
        buffer_.resize(old_size + static_cast<std::size_t>(in_.gcount()));
        end_of_input_ = in_.gcount() == 0 || in_.eof();
    }
    check_new_bytes();
}

void CsvReader::check_new_bytes() {
    auto binary = [&](std::string message) { problem_ = CsvProblem{checked_line_, std::move(message)}; };
    while (checked_ < buffer_.size()) {
        char c = buffer_[checked_];
        if (c >= 0x20 && c < 0x7f) {  // printable ASCII, nearly every byte of a diary file
            ++checked_;
            continue;
        }
        if (c == '\0') return binary("NUL byte: this is not a text file");
        if (is_forbidden_control(c))
            return binary(fmt::format("control character 0x{:02x}: this is not a text file", static_cast<unsigned char>(c)));
        std::string_view rest(buffer_.data() + checked_, buffer_.size() - checked_);
        auto len = utf8_length(rest, 0);
        // A character cut by the end of the buffer is judged when the rest arrives.
        if (len == 0 && !end_of_input_ && rest.size() < 4) return;
        if (len == 0) return binary("invalid UTF-8: expected a UTF-8 text file");
        if (c == '\n') ++checked_line_;
        checked_ += len;
    }
}

// The bytes from the next one up to the first that `stops` (or the end of
// the bytes checked so far), consumed: fields are copied a run at a time.
template <class Stop>
std::string_view CsvReader::take_run(Stop stops) {
    auto start = pos_;
    while (pos_ < checked_ && !stops(buffer_[pos_])) ++pos_;
    return std::string_view(buffer_).substr(start, pos_ - start);
}

// Whether the byte `ahead` of the next one has been read and found to be text.
bool CsvReader::available(std::size_t ahead) {
    while (pos_ + ahead >= checked_) {
        if (problem_ || (end_of_input_ && checked_ == buffer_.size())) return false;
        read_more();
    }
    return true;
}

std::nullopt_t CsvReader::fail(std::size_t line, std::string message) {
    // A binary file is refused as binary even when its bytes break the CSV
    // rules earlier on: look through the rest before blaming the quoting.
    while (!problem_ && !(end_of_input_ && checked_ == buffer_.size())) {
        pos_ = checked_;
        read_more();
    }
    if (!problem_) problem_ = CsvProblem{line, std::move(message)};
    return std::nullopt;
}

std::nullopt_t CsvReader::too_long(std::size_t line) {
    // At once, not after reading the rest: the field alone could fill memory.
    problem_ = CsvProblem{line, fmt::format("a field longer than {} bytes: expected painlog's, or Daylio's, CSV",
                                            max_csv_field_bytes)};
    return std::nullopt;
}

std::optional<CsvRow> CsvReader::next() {
    if (problem_) return std::nullopt;
    if (!started_) {
        started_ = true;
        if (available(2) && buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
    }
    // An empty line is not a record.
    while (available(0)) {
        if (at(0) == '\n') {
            ++line_, ++pos_;
        } else if (at(0) == '\r' && available(1) && at(1) == '\n') {
            ++line_, pos_ += 2;
        } else {
            break;
        }
    }
    if (problem_ || !available(0)) return std::nullopt;
    auto row = record();
    if (problem_) return std::nullopt;
    return row;
}

std::optional<CsvRow> CsvReader::record() {
    CsvRow row{line_, {}};
    auto is_end = [](char c) { return c == ',' || c == '\n' || c == '\r'; };
    while (true) {
        std::string field;
        if (available(0) && at(0) == '"') {
            std::size_t start_line = line_;
            ++pos_;
            bool closed = false;
            while (available(0)) {
                field += take_run([](char c) { return c == '"' || c == '\n'; });
                if (field.size() > max_csv_field_bytes) return too_long(start_line);
                if (pos_ == checked_) continue;  // the run reached the bytes read so far
                if (at(0) == '\n') {
                    ++line_;
                    field += '\n';
                    ++pos_;
                } else if (available(1) && at(1) == '"') {
                    field += '"';
                    pos_ += 2;
                } else {
                    ++pos_;
                    closed = true;
                    break;
                }
            }
            if (problem_) return std::nullopt;
            if (!closed) return fail(start_line, "unterminated quoted field (the file may be truncated)");
            if (available(0) && !is_end(at(0)))
                return fail(line_, "expected a comma or the end of the line after a closing quote");
        } else {
            while (available(0)) {
                field += take_run([&](char c) { return is_end(c) || c == '"'; });
                if (field.size() > max_csv_field_bytes) return too_long(row.line);
                if (pos_ < checked_) break;
            }
            if (available(0) && at(0) == '"')
                return fail(line_, "quote inside an unquoted field; quote the field and double the quote");
        }
        if (field.size() > max_csv_field_bytes) return too_long(row.line);
        row.fields.push_back(std::move(field));
        if (!available(0)) return row;
        if (at(0) == ',') {
            ++pos_;
        } else if (at(0) == '\n') {
            ++pos_, ++line_;
            return row;
        } else {  // '\r'
            if (!available(1) || at(1) != '\n')
                return fail(line_, "carriage return without a line feed outside a quoted field");
            pos_ += 2, ++line_;
            return row;
        }
    }
}

CsvTable read_csv(std::string_view text) {
    std::istringstream in{std::string(text)};
    CsvReader reader(in);
    CsvTable table;
    while (auto row = reader.next()) table.rows.push_back(std::move(*row));
    table.problem = reader.problem();
    return table;
}

}  // namespace painlog
