# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection's errors (errors.py): their messages, the hierarchy and what modules report without a traceback."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import errors


def test_api_error_message_names_operation_campaign_status_and_request():
    exc = errors.KoreaiApiError('stop voice campaign', 'Campaign is not running', status=400,
                                campaign="'Renewals' (cd-1)", method='POST', path='/x/trigger/cd-1')
    assert str(exc) == ("stop voice campaign for campaign 'Renewals' (cd-1) failed (HTTP 400 from POST /x/trigger/cd-1): "
                        "Campaign is not running")
    assert exc.detail == 'Campaign is not running' and exc.status == 400 and not exc.not_found


def test_api_error_message_without_the_optional_parts():
    assert str(errors.KoreaiApiError('list voice campaigns', 'no results')) == 'list voice campaigns failed: no results'
    assert str(errors.KoreaiApiError('get campaign', 'gone', status=404)) == 'get campaign failed (HTTP 404): gone'


def test_not_found_is_a_404():
    assert errors.KoreaiApiError('get campaign', 'x', status=404).not_found


@pytest.mark.parametrize('cls', [errors.KoreaiApiError, errors.KoreaiUnknownOutcome, errors.WriteNotApplied,
                                 errors.NotFound, errors.WaitTimeout])
def test_collection_errors_are_koreai_errors(cls):
    assert issubclass(cls, errors.KoreaiError)


def test_unknown_outcome_is_an_api_error_with_its_fields():
    exc = errors.KoreaiUnknownOutcome('delete voice campaign', 'HTTP 502: bad gateway; the request may have been '
                                      'applied', status=502, api_message='bad gateway')
    assert isinstance(exc, errors.KoreaiApiError) and exc.status == 502 and exc.api_message == 'bad gateway'


@pytest.mark.parametrize('exc', [errors.KoreaiError('x'), errors.WriteNotApplied('x'), errors.PlanError('x'),
                                 errors.ValidationError('x'), errors.WaitTimeout('x')])
def test_known_errors_are_reported_without_a_traceback(exc):
    assert isinstance(exc, errors.KNOWN_ERRORS)


def test_programming_errors_are_not_known_errors():
    assert not isinstance(KeyError('x'), errors.KNOWN_ERRORS)
    assert not isinstance(TypeError('x'), errors.KNOWN_ERRORS)


def test_validation_error_is_a_value_error():
    assert issubclass(errors.ValidationError, ValueError)
