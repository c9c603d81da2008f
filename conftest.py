"""pytest bootstrap for running the tests from a plain checkout (``make unit``, ``pytest``).

The tests import the collection as ``ansible_collections.koreai.campaign``. Unless the
checkout already lives at ``.../ansible_collections/koreai/campaign``, this creates the
symlink ``.tmp/pytest-root/ansible_collections/koreai/campaign`` -> repository root and
puts ``.tmp/pytest-root`` first on ``sys.path``. (Python imports follow the symlink;
ansible-test does not, which is why ``make sanity`` uses a staged copy instead.)

``tests/sandbox`` goes on ``sys.path`` too, so ``import koreai_sandbox`` works.
"""

import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))


def _collections_root():
    """Return a directory that contains ``ansible_collections/koreai/campaign`` = this tree."""
    parent = os.path.dirname(ROOT)
    grandparent = os.path.dirname(parent)
    if (os.path.basename(ROOT), os.path.basename(parent), os.path.basename(grandparent)) == (
            'campaign', 'koreai', 'ansible_collections'):
        return os.path.dirname(grandparent)

    base = os.path.join(ROOT, '.tmp', 'pytest-root')
    link = os.path.join(base, 'ansible_collections', 'koreai', 'campaign')
    if os.path.realpath(link) != os.path.realpath(ROOT):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        tmp_link = '%s.%d' % (link, os.getpid())
        os.symlink(ROOT, tmp_link)
        os.replace(tmp_link, link)  # atomic: pytest-xdist workers may race here
    return base


for _path in (os.path.join(ROOT, 'tests', 'sandbox'), _collections_root()):
    if _path not in sys.path:
        sys.path.insert(0, _path)
