// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Files painlog writes beside others: private temporaries that are moved
// into place, and the checks that keep an output from landing on the diary
// or on something that is not a file.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace painlog {

// Creates the missing directories of `dir` with mode 0700 (a diary is
// private), leaving existing ones as they are; appends those it made to
// `created`, outermost first, when given.
void create_private_directories(const std::filesystem::path& dir, std::vector<std::filesystem::path>* created = nullptr);

// Removes from `dir` the temporaries that a painlog no longer running left
// for `prefix` (".NAME.", as SiblingTemporary names them).
void remove_stale_temporaries(const std::filesystem::path& dir, const std::string& prefix);

// A new, empty file with mode 0600 beside `target`, named
// ".NAME.painlog-PID-XXXXXX", removed (with a SQLite journal beside it)
// unless release()d. Creating one first removes such files that a killed
// painlog left for the same target: those whose process is gone, and
// those of the older ".NAME.XXXXXX" naming that are over a day old.
class SiblingTemporary {
public:
    // `what` starts the message when the file cannot be created.
    SiblingTemporary(const std::filesystem::path& target, std::string_view what);
    SiblingTemporary(const SiblingTemporary&) = delete;
    SiblingTemporary& operator=(const SiblingTemporary&) = delete;
    ~SiblingTemporary();
    [[nodiscard]] const std::string& path() const { return path_; }
    // Keeps the file (it was moved into place, or will be by the caller).
    void release() { path_.clear(); }

private:
    std::string path_;
};

// fsync(2)s the file at `path`, so that a rename that follows cannot put
// an empty or partial file in place after a crash; RuntimeError starting
// with `name` when it fails.
void sync_file(const std::string& path, std::string_view name);

// True when both paths exist and name the same file (device and inode:
// links, symlinks and ".." resolved).
[[nodiscard]] bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// What an output path names now.
enum class OutputTarget { absent, regular_file, stream, other };
// stream: a FIFO or character device (a pipe from the shell, /dev/stdout,
// /dev/null), written in place rather than replaced.
[[nodiscard]] OutputTarget classify_output(const std::filesystem::path& target);

// Throws InputError (naming `option` and `target`) when `target` is the
// diary at `diary` or one of SQLite's files beside it (-journal, -wal,
// -shm), whether they exist yet or not.
void refuse_diary_as_output(const std::filesystem::path& target, const std::filesystem::path& diary,
                            const std::string& option);

}  // namespace painlog
