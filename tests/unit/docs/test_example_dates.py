# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Dates in what users copy (README, role READMEs, module EXAMPLES, playbooks, examples/) stay in the future.

A schedule whose end is past is refused by Kore.ai, so a copied example with a past date fails. Each date must be
more than a year ahead: this test fails a year before an example would, which leaves time to move it."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import ast
import datetime
import glob
import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATE = re.compile(r'(?<![\d-])(20\d\d)-([01]\d)-([0-3]\d)(?![\d-])')


def _examples_block(path):
    """The EXAMPLES string and DOCUMENTATION of a module file (RETURN samples show past answers: not copied)."""
    tree = ast.parse(open(path).read())
    texts = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) in ('EXAMPLES', 'DOCUMENTATION'):
            texts.append(node.value.value if hasattr(node.value, 'value') else node.value.s)
    return '\n'.join(texts)


def _code_blocks(text):
    """The fenced code blocks of a Markdown text, other lines blanked so line numbers stay right."""
    lines, inside = [], False
    for line in text.split('\n'):
        fence = line.lstrip().startswith('```')
        lines.append(line if inside and not fence else '')
        inside = inside != fence
    return '\n'.join(lines)


def _documents():
    paths = ['README.md', 'docs/awx.md'] + sorted(glob.glob(os.path.join(ROOT, 'roles', '*', 'README.md')))
    paths += sorted(glob.glob(os.path.join(ROOT, 'playbooks', '*.yml')))
    paths += sorted(glob.glob(os.path.join(ROOT, 'examples', '**', '*'), recursive=True))
    paths += sorted(glob.glob(os.path.join(ROOT, 'roles', '*', 'defaults', '*.yml')))
    for path in paths:
        path = os.path.join(ROOT, path)
        if os.path.isfile(path) and not path.endswith('.csv'):
            text = open(path).read()
            if path.endswith('.md'):
                # What a reader copies is in the code blocks; prose may say when something was measured.
                text = _code_blocks(text)
            yield os.path.relpath(path, ROOT), text
    for path in sorted(glob.glob(os.path.join(ROOT, 'plugins', 'modules', '*.py'))):
        yield os.path.relpath(path, ROOT), _examples_block(path)


DOCUMENTS = list(_documents())


def test_the_documents_are_found():
    names = [name for name, dummy in DOCUMENTS]
    assert 'README.md' in names and 'plugins/modules/campaign_schedule.py' in names
    assert '2031-01-27 18:29:00' in dict(DOCUMENTS)['README.md']
    assert any(DATE.search(text) for name, text in DOCUMENTS if name == 'plugins/modules/campaign_schedule.py')


@pytest.mark.parametrize('name,text', DOCUMENTS, ids=[name for name, dummy in DOCUMENTS])
def test_every_date_users_copy_is_more_than_a_year_ahead(name, text):
    horizon = datetime.date.today() + datetime.timedelta(days=366)
    past = []
    for match in DATE.finditer(text):
        day = datetime.date(*(int(part) for part in match.groups()))
        if day <= horizon:
            line = text.count('\n', 0, match.start()) + 1
            past.append('%s:%d %s' % (name, line, match.group(0)))
    assert not past, 'dates less than a year ahead (move them further out): %s' % ', '.join(past)
