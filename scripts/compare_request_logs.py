#!/usr/bin/env python
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Compare two integration runs' request logs, request for request.

    KOREAI_REQUEST_LOG_DIR=.tmp/logs-before scripts/pytest.sh integration   # on the old code
    KOREAI_REQUEST_LOG_DIR=.tmp/logs-after scripts/pytest.sh integration    # on the new code
    python scripts/compare_request_logs.py .tmp/logs-before .tmp/logs-after

Ids the sandbox makes up (cd-, cl-, cid-, cc-, cdl-) and timestamps differ from run to run, so they are
replaced by placeholders numbered in order of appearance before comparing. Exits 1 on any difference.
"""

import json
import os
import re
import sys

ID = re.compile(r'\b(cd|cl|cid|cc|cdl)-[0-9a-fA-Fx-]{6,}')
TIME = re.compile(r'\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?')


def normalise(rows):
    seen = {}

    def placeholder(match):
        return seen.setdefault(match.group(0), '%s-<%d>' % (match.group(1), len(seen) + 1))

    text = json.dumps(rows, sort_keys=True)
    text = ID.sub(placeholder, text)
    text = TIME.sub('<time>', text)
    return json.loads(text)


def load(directory):
    return dict((name, normalise(json.load(open(os.path.join(directory, name)))))
                for name in sorted(os.listdir(directory)) if name.endswith('.json'))


def main(before_dir, after_dir):
    before, after = load(before_dir), load(after_dir)
    problems = []
    for name in sorted(set(before) | set(after)):
        if name not in after or name not in before:
            problems.append('%s: only in %s' % (name, before_dir if name in before else after_dir))
            continue
        old, new = before[name], after[name]
        if old != new:
            for index, (a, b) in enumerate(zip(old, new)):
                if a != b:
                    problems.append('%s: request %d differs:\n  before %s\n  after  %s'
                                    % (name, index + 1, json.dumps(a, sort_keys=True), json.dumps(b, sort_keys=True)))
                    break
            else:
                problems.append('%s: %d requests before, %d after' % (name, len(old), len(new)))
    total = sum(len(rows) for rows in before.values())
    print('%d tests, %d requests compared; %d tests differ' % (len(before), total, len(problems)))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
