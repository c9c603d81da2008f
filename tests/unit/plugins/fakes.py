# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fakes for the HTTP layer only: a requests transport adapter that records every prepared request
and answers from a queue, so the real URL, header and body handling of requests is exercised."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.adapters import BaseAdapter


HOST = 'https://kore.example.test'
STREAM = 'st-0603182c-7ffb-53c3-b307-47ca14b9xxxx'
ACCOUNT = '67777ce93e25326494e9xxxx'
CLIENT_ID = 'cs-unit-test-client'
SECRET = 'unit-test-secret-0123456789-abcdefghijklmnop'


class Recorded:
    def __init__(self, prepared):
        self.method = prepared.method
        self.url = prepared.url
        parts = urlsplit(prepared.url)
        self.path = parts.path
        self.raw_query = parts.query
        self.query = parse_qsl(parts.query, keep_blank_values=True)
        self.headers = dict(prepared.headers)
        body = prepared.body
        if isinstance(body, bytes):
            body = body.decode('utf-8')
        self.body = json.loads(body) if body else None

    def __repr__(self):
        return '<%s %s>' % (self.method, self.url)


class FakeAdapter(BaseAdapter):
    """Answers queued (status, json_or_text, headers) tuples or raises queued exceptions."""

    def __init__(self):
        super(FakeAdapter, self).__init__()
        self.queue = []
        self.requests = []

    def add(self, status=200, body=None, headers=None):
        self.queue.append((status, {} if body is None else body, headers or {}))
        return self

    def add_error(self, exc):
        self.queue.append(exc)
        return self

    def send(self, request, **kwargs):
        self.requests.append(Recorded(request))
        if not self.queue:
            raise AssertionError('unexpected request %s %s' % (request.method, request.url))
        item = self.queue.pop(0)
        if isinstance(item, BaseException):
            raise item
        status, body, headers = item
        if callable(body):  # an answer built from the request, e.g. echoing a header
            body = body(request)
        response = requests.Response()
        response.status_code = status
        response._content = (body if isinstance(body, str) else json.dumps(body)).encode('utf-8')
        response.headers.update(headers)
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass
