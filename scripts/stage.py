"""Mirror a list of files (NUL separated on stdin, relative to SRC) into DST.

Usage: git ls-files -z -co --exclude-standard | stage.py SRC DST

Only files whose size, mtime or mode differ are copied; files in DST that are not in the
list are removed, except DST/.git and DST/tests/output (kept between runs).
"""

import os
import shutil
import sys

KEEP = ('.git', os.path.join('tests', 'output'))


def kept(rel):
    """Return True if rel is (inside) a path that staging must leave alone."""
    return any(rel == k or rel.startswith(k + os.sep) for k in KEEP)


def copy_changed(src_root, dst_root, wanted):
    """Copy the files of wanted that differ; return how many were copied."""
    copied = 0
    for rel in sorted(wanted):
        src, dst = os.path.join(src_root, rel), os.path.join(dst_root, rel)
        src_stat = os.lstat(src)
        try:
            dst_stat = os.lstat(dst)
        except FileNotFoundError:
            pass
        else:
            if (dst_stat.st_size, dst_stat.st_mtime_ns, dst_stat.st_mode) == (
                    src_stat.st_size, src_stat.st_mtime_ns, src_stat.st_mode):
                continue
            if os.path.isdir(dst) and not os.path.islink(dst):
                shutil.rmtree(dst)
            else:
                os.unlink(dst)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.islink(src):
            os.symlink(os.readlink(src), dst)
        else:
            shutil.copy2(src, dst)
        copied += 1
    return copied


def remove_stale(dst_root, wanted):
    """Delete files not in wanted and the directories left empty; return how many files."""
    removed = 0
    for dirpath, dirnames, filenames in os.walk(dst_root, topdown=False):
        reldir = os.path.relpath(dirpath, dst_root)
        reldir = '' if reldir == os.curdir else reldir
        if kept(reldir):
            continue
        links = [n for n in dirnames if os.path.islink(os.path.join(dirpath, n))]
        for name in filenames + links:
            rel = os.path.join(reldir, name)
            if rel not in wanted and not kept(rel):
                os.unlink(os.path.join(dirpath, name))
                removed += 1
        if reldir and not os.listdir(dirpath):
            os.rmdir(dirpath)
    return removed


def main():
    """Entry point."""
    src_root, dst_root = sys.argv[1], sys.argv[2]
    names = sys.stdin.buffer.read().decode('utf-8', 'surrogateescape').split('\0')
    wanted = {rel for rel in names if rel and os.path.lexists(os.path.join(src_root, rel))}
    os.makedirs(dst_root, exist_ok=True)
    copied = copy_changed(src_root, dst_root, wanted)
    removed = remove_stale(dst_root, wanted)
    print('%d files, %d copied, %d removed' % (len(wanted), copied, removed))


if __name__ == '__main__':
    main()
