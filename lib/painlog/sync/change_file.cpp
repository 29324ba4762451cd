// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/sync/change_file.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "painlog/crypto/secretstream.hpp"
#include "painlog/store/schema.hpp"

namespace painlog {
namespace {

constexpr std::string_view sync_file_magic = "painlog-sync 1\n";

crypto::Bytes associated_data(const SyncKey& key, std::string_view place) {
    crypto::Bytes ad(sync_file_magic.begin(), sync_file_magic.end());
    auto id = key.id();
    ad.insert(ad.end(), id.begin(), id.end());
    ad.insert(ad.end(), place.begin(), place.end());
    return ad;
}

crypto::Bytes seal_sync_file(const SyncKey& key, std::string_view place, std::string_view plaintext) {
    crypto::Bytes out(sync_file_magic.begin(), sync_file_magic.end());
    auto id = key.id();
    out.insert(out.end(), id.begin(), id.end());
    auto file_key = key.file_key();
    auto sealed = crypto::seal_stream(file_key, associated_data(key, place), crypto::as_bytes(plaintext));
    crypto::wipe(file_key);
    out.insert(out.end(), sealed.begin(), sealed.end());
    return out;
}

std::string open_sync_file(const SyncKey& key, std::string_view place, std::span<const std::uint8_t> bytes,
                           const std::string& name) {
    using Why = SyncFileError::Why;
    auto id = key.id();
    auto head = sync_file_magic.size();
    if (bytes.size() < head || !std::equal(sync_file_magic.begin(), sync_file_magic.end(), bytes.begin()))
        throw SyncFileError(Why::not_sync_file, fmt::format("{}: not a painlog sync file", name));
    if (bytes.size() < head + id.size() || !std::equal(id.begin(), id.end(), bytes.begin() + static_cast<long>(head)))
        throw SyncFileError(Why::other_key, fmt::format("{}: sealed with another sync key (a folder paired apart "
                                                        "from this diary's)",
                                                        name));
    auto file_key = key.file_key();
    auto plain = crypto::open_stream(file_key, associated_data(key, place), bytes.subspan(head + id.size()));
    crypto::wipe(file_key);
    if (!plain)
        throw SyncFileError(Why::damaged, fmt::format("{}: does not authenticate (damaged, cut short, or moved from "
                                                      "its place in the folder)",
                                                      name));
    return {plain->begin(), plain->end()};
}

[[noreturn]] void damaged_content(const std::string& name, std::size_t line, std::string_view what) {
    throw SyncFileError(SyncFileError::Why::damaged, fmt::format("{}: line {}: {}", name, line, what));
}

nlohmann::json change_json(const SyncChange& change) {
    nlohmann::json vv = nlohmann::json::object();
    for (const auto& [replica, stamp] : change.version.vv.stamps) vv[replica] = stamp;
    return {{"kind", change.kind},       {"uid", change.uid}, {"stamp", change.version.stamp},
            {"origin", change.version.origin}, {"vv", std::move(vv)},
            {"data", change.data ? *change.data : nlohmann::json(nullptr)}};
}

SyncChange change_of_json(const nlohmann::json& j, const std::string& name, std::size_t line) {
    auto text_member = [&](const char* key) -> const std::string& {
        if (!j.contains(key) || !j[key].is_string() || j[key].get_ref<const std::string&>().empty())
            damaged_content(name, line, fmt::format("expected a text \"{}\"", key));
        return j[key].get_ref<const std::string&>();
    };
    if (!j.is_object() || j.size() != 6) damaged_content(name, line, "expected a version of a record");
    SyncChange change;
    change.kind = text_member("kind");
    change.uid = text_member("uid");
    change.version.origin = text_member("origin");
    if (!j.contains("stamp") || !j["stamp"].is_number_integer()) damaged_content(name, line, "expected a stamp");
    change.version.stamp = j["stamp"].get<HlcStamp>();
    if (!j.contains("vv") || !j["vv"].is_object()) damaged_content(name, line, "expected a version vector");
    for (const auto& [replica, stamp] : j["vv"].items()) {
        if (!stamp.is_number_integer()) damaged_content(name, line, "expected stamps in the version vector");
        change.version.vv.stamps[replica] = stamp.get<HlcStamp>();
    }
    if (!j.contains("data") || !(j["data"].is_object() || j["data"].is_null()))
        damaged_content(name, line, "expected the record's values or null");
    if (j["data"].is_object()) change.data = j["data"];
    change.version.deleted = !change.data;
    return change;
}

// The header line: format, place and writer.
void read_change_header(const nlohmann::json& h, ChangeFile& file, const std::string& replica, std::int64_t seq,
                        const std::string& name) {
    using Why = SyncFileError::Why;
    if (!h.is_object() || !h.contains("painlog_sync") || !h["painlog_sync"].is_number_integer())
        damaged_content(name, 1, "expected the header of a change file");
    if (h["painlog_sync"].get<int>() > change_file_format || !h.contains("schema") ||
        !h["schema"].is_number_integer() || h["schema"].get<int>() > latest_schema_version())
        throw SyncFileError(Why::newer, fmt::format("{}: written by a newer painlog (change file format {}, diary "
                                                    "schema {}); upgrade painlog on this machine",
                                                    name, h["painlog_sync"].dump(), h.value("schema", 0)));
    if (h.value("replica", "") != replica || h.value("seq", std::int64_t{0}) != seq)
        damaged_content(name, 1, "the header names another replica or number than the file's place");
    file.replica = replica;
    file.seq = seq;
    file.schema = h["schema"].get<int>();
    file.host = h.value("host", "");
    file.snapshot = h.value("snapshot", false);
}

// The JSON lines of an opened change file.
ChangeFile parse_change_lines(std::string& text, const std::string& replica, std::int64_t seq,
                              const std::string& name) {
    ChangeFile file;
    std::size_t start = 0, line = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) damaged_content(name, line + 1, "the last line is not ended");
        ++line;
        auto j = nlohmann::json::parse(text.begin() + static_cast<long>(start), text.begin() + static_cast<long>(end),
                                       nullptr, false);
        if (j.is_discarded()) damaged_content(name, line, "not JSON");
        if (line == 1) read_change_header(j, file, replica, seq, name);
        else file.changes.push_back(change_of_json(j, name, line));
        start = end + 1;
    }
    if (line == 0) damaged_content(name, 1, "no header");
    crypto::wipe(text);
    return file;
}

}  // namespace

crypto::Bytes seal_change_file(const SyncKey& key, const ChangeFile& file) {
    nlohmann::json header{{"painlog_sync", change_file_format}, {"replica", file.replica}, {"seq", file.seq},
                          {"schema", file.schema},           {"host", file.host},       {"snapshot", file.snapshot}};
    std::string text = header.dump() + '\n';
    for (const auto& change : file.changes) text += change_json(change).dump() + '\n';
    auto sealed = seal_sync_file(key, fmt::format("{}/{}", file.replica, file.seq), text);
    crypto::wipe(text);
    return sealed;
}

ChangeFile open_change_file(const SyncKey& key, std::span<const std::uint8_t> bytes, const std::string& replica,
                            std::int64_t seq, const std::string& name) {
    auto text = open_sync_file(key, fmt::format("{}/{}", replica, seq), bytes, name);
    try {
        return parse_change_lines(text, replica, seq, name);
    } catch (const nlohmann::json::exception& e) {
        throw SyncFileError(SyncFileError::Why::damaged, fmt::format("{}: {}", name, e.what()));
    }
}

crypto::Bytes seal_folder_marker(const SyncKey& key, const FolderMarker& marker) {
    nlohmann::json j{{"painlog_sync", change_file_format}, {"folder", marker.folder}, {"created", marker.created}};
    return seal_sync_file(key, "folder", j.dump() + '\n');
}

FolderMarker open_folder_marker(const SyncKey& key, std::span<const std::uint8_t> bytes, const std::string& name) {
    auto text = open_sync_file(key, "folder", bytes, name);
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("folder") || !j["folder"].is_string())
        damaged_content(name, 1, "expected the folder's id");
    return {j["folder"].get<std::string>(), j.value("created", "")};
}

}  // namespace painlog
