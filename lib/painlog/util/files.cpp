// SPDX-License-Identifier: GPL-3.0-or-later
#include "painlog/util/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "painlog/util/error.hpp"

namespace painlog {
namespace {

namespace fs = std::filesystem;

fs::path directory_of(const fs::path& path) { return path.parent_path().empty() ? fs::path(".") : path.parent_path(); }

bool process_is_gone(std::string_view pid_text) {
    int pid = 0;
    auto [end, ec] = std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), pid);
    if (ec != std::errc{} || end != pid_text.data() + pid_text.size() || pid <= 0) return false;
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

bool older_than_a_day(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && std::time(nullptr) - st.st_mtime > 24 * 60 * 60;
}

// Whether `name` (a file in the target's directory) is a temporary that a
// painlog no longer running left for `prefix` (".NAME."), so that a
// killed backup or export does not leave its half-written copy for ever.
bool stale_temporary(std::string_view name, std::string_view prefix, const std::string& path) {
    if (!name.starts_with(prefix)) return false;
    auto rest = name.substr(prefix.size());
    if (rest.ends_with("-journal")) rest.remove_suffix(std::string_view("-journal").size());
    constexpr std::string_view ours = "painlog-";
    if (rest.starts_with(ours)) {
        rest.remove_prefix(ours.size());
        auto dash = rest.find('-');
        return dash != std::string_view::npos && rest.size() - dash - 1 == 6 && process_is_gone(rest.substr(0, dash));
    }
    // Before the process id was in the name: six random characters.
    return rest.size() == 6 && older_than_a_day(path);
}

}  // namespace

void remove_stale_temporaries(const fs::path& dir, const std::string& prefix) {
    DIR* listing = ::opendir(dir.c_str());
    if (!listing) return;
    while (const dirent* item = ::readdir(listing)) {
        std::string name = item->d_name;
        auto path = (dir / name).string();
        if (stale_temporary(name, prefix, path)) ::unlink(path.c_str());
    }
    ::closedir(listing);
}

namespace {

InputError refused(const std::string& option, const fs::path& target, std::string_view what) {
    return InputError(fmt::format("{} {}: {}; expected another file name", option, target.string(), what));
}

}  // namespace

void create_private_directories(const fs::path& dir, std::vector<fs::path>* created) {
    if (dir.empty() || fs::exists(dir)) return;
    create_private_directories(dir.parent_path(), created);
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) return;
        throw RuntimeError(fmt::format("{}: cannot create directory: {}", dir.string(), std::strerror(errno)));
    }
    if (created) created->push_back(dir);
}

SiblingTemporary::SiblingTemporary(const fs::path& target, std::string_view what) {
    auto dir = directory_of(target);
    auto prefix = fmt::format(".{}.", target.filename().string());
    remove_stale_temporaries(dir, prefix);
    auto pattern = (dir / fmt::format("{}painlog-{}-XXXXXX", prefix, ::getpid())).string();
    // mkstemp creates the file with mode 0600 whatever the umask.
    int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        throw RuntimeError(fmt::format("{}: {}", what, std::strerror(errno)));
    ::close(fd);
    path_ = std::move(pattern);
}

SiblingTemporary::~SiblingTemporary() {
    if (path_.empty()) return;
    ::unlink(path_.c_str());
    ::unlink((path_ + "-journal").c_str());
}

void sync_file(const std::string& path, std::string_view name) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd >= 0 && ::fsync(fd) == 0 && ::close(fd) == 0) return;
    auto err = errno;
    if (fd >= 0) ::close(fd);
    throw RuntimeError(fmt::format("{}: cannot write: {}", name, std::strerror(err)));
}

bool same_file(const fs::path& a, const fs::path& b) {
    struct stat sa {}, sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

OutputTarget classify_output(const fs::path& target) {
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) return errno == ENOENT ? OutputTarget::absent : OutputTarget::other;
    if (S_ISREG(st.st_mode)) return OutputTarget::regular_file;
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return OutputTarget::stream;
    return OutputTarget::other;
}

void refuse_diary_as_output(const fs::path& target, const fs::path& diary, const std::string& option) {
    if (same_file(target, diary)) throw refused(option, target, "is the diary itself");
    std::error_code ignored;
    // SQLite names its journal after the path it was given; the unix VFS
    // follows a symlinked diary to its real name first.
    std::array diary_names{diary, fs::canonical(diary, ignored)};
    for (const auto& name : diary_names) {
        if (name.empty()) continue;
        for (std::string_view suffix : {"-journal", "-wal", "-shm"}) {
            auto companion = fs::path(name.string() + std::string(suffix));
            if (same_file(target, companion) ||
                (target.filename() == companion.filename() && same_file(directory_of(target), directory_of(companion))))
                throw refused(option, target, fmt::format("is the diary's SQLite {} file", suffix.substr(1)));
        }
    }
}

}  // namespace painlog
