// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/sync/sync_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "painlog/util/error.hpp"
#include "painlog/util/files.hpp"

namespace painlog {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view change_file_suffix = ".plsync";
constexpr std::size_t change_file_digits = 8;

// The number of a change file's name ("00000012.plsync"), or nullopt.
std::optional<std::int64_t> change_file_number(std::string_view name) {
    if (name.size() != change_file_digits + change_file_suffix.size() || !name.ends_with(change_file_suffix))
        return std::nullopt;
    std::int64_t n = 0;
    for (std::size_t i = 0; i < change_file_digits; ++i) {
        if (name[i] < '0' || name[i] > '9') return std::nullopt;
        n = n * 10 + (name[i] - '0');
    }
    if (n < 1) return std::nullopt;
    return n;
}

// A painlog killed after putting a change file in place and before
// removing its temporary leaves that temporary (".00000012.plsync.painlog-
// PID-XXXXXX") for a name that is never written again, so that removing
// the target's own stale temporaries never finds it: every write removes
// those of all change files in its directory.
void remove_stale_change_temporaries(const fs::path& dir) {
    std::set<std::string> prefixes;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        auto name = it->path().filename().string();
        auto target_size = change_file_digits + change_file_suffix.size();
        if (name.size() > target_size + 2 && name[0] == '.' && name[target_size + 1] == '.' &&
            change_file_number(std::string_view(name).substr(1, target_size)))
            prefixes.insert(name.substr(0, target_size + 2));
    }
    for (const auto& prefix : prefixes) remove_stale_temporaries(dir, prefix);
}

void sync_folder_directory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

bool is_replica_id(std::string_view name) {
    if (name.size() != 36) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        char c = name[i];
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

fs::path SyncFolder::change_file(const std::string& replica, std::int64_t seq) const {
    return dir_ / replica / fmt::format("{:0{}}{}", seq, change_file_digits, change_file_suffix);
}

std::map<std::string, std::vector<std::int64_t>> SyncFolder::list() const {
    std::map<std::string, std::vector<std::int64_t>> replicas;
    std::error_code ec;
    for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        auto name = it->path().filename().string();
        if (!is_replica_id(name) || !it->is_directory(ec)) continue;
        auto& seqs = replicas[name];
        std::error_code inner;
        for (fs::directory_iterator file(it->path(), inner); !inner && file != end; file.increment(inner))
            if (auto n = change_file_number(file->path().filename().string())) seqs.push_back(*n);
        std::sort(seqs.begin(), seqs.end());
    }
    if (ec) throw RuntimeError(fmt::format("{}: cannot list the sync folder: {}", dir_.string(), ec.message()));
    return replicas;
}

crypto::Bytes SyncFolder::read(const fs::path& path) const {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec) throw RuntimeError(fmt::format("{}: cannot read: {}", path.string(), ec.message()));
    if (size > max_change_file_bytes)
        throw InputError(fmt::format("{}: {} bytes, larger than any change file painlog writes", path.string(), size));
    crypto::Bytes bytes(size);
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!in || in.gcount() != static_cast<std::streamsize>(size))
        throw RuntimeError(fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno)));
    return bytes;
}

void SyncFolder::write(const fs::path& path, const crypto::Bytes& bytes, bool replace) const {
    auto name = path.string();
    create_private_directories(path.parent_path());
    remove_stale_change_temporaries(path.parent_path());
    SiblingTemporary temporary(path, fmt::format("{}: cannot write", name));
    {
        std::ofstream out(temporary.path(), std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) throw RuntimeError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
    }
    sync_file(temporary.path(), name);
    int rc = replace ? -1 : ::link(temporary.path().c_str(), name.c_str());
    // link() never replaces a file; some file systems (FAT on a USB stick,
    // some network mounts) have no hard links, and then rename() does,
    // once the name is checked to be free.
    if (replace || (rc != 0 && (errno == EPERM || errno == ENOTSUP || errno == EXDEV) && !fs::exists(path))) {
        rc = ::rename(temporary.path().c_str(), name.c_str());
        if (rc == 0) temporary.release();
    }
    if (rc != 0) {
        // Another writer in this replica's own directory: a copy of this
        // diary syncing too, whose file must never be overwritten.
        if (errno == EEXIST)
            throw RuntimeError(fmt::format("{}: already exists; was this diary copied to another machine? run "
                                           "painlog sync again",
                                           name));
        throw RuntimeError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
    }
    sync_folder_directory(path.parent_path());
}

std::optional<FileStamp> stamp_of_file(const fs::path& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStamp{static_cast<std::int64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

}  // namespace painlog
