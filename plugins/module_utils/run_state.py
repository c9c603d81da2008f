# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The whole of voice_campaign and sms_campaign: they differ only in the campaign type and the default
delete endpoint, so one implementation serves both."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.api_module import (
    KoreaiModule, KNOWN_ERRORS, trigger_path_option)
from ansible_collections.koreai.campaign.plugins.module_utils.engine import Runner, resolve_campaign
from ansible_collections.koreai.campaign.plugins.module_utils.validate import ValidationError, check_identity

DEFAULT_BACKUP_DIR = '~/.ansible/backups/koreai.campaign'


def run_state_argument_spec(default_delete_api):
    return dict(
        campaign_id=dict(type='str', aliases=['id']),
        name=dict(type='str'),
        state=dict(type='str', required=True, choices=['started', 'stopped', 'absent']),
        wait=dict(type='bool', default=True),
        wait_timeout=dict(type='int', default=300),
        force=dict(type='bool', default=False),
        backup=dict(type='bool', default=False),
        backup_dir=dict(type='path', default=DEFAULT_BACKUP_DIR),
        trigger_path=trigger_path_option(),
        delete_api=dict(type='str', default=default_delete_api, choices=['v1', 'v2']),
    )


def run_campaign_module(campaign_type, default_delete_api):
    module = KoreaiModule(
        argument_spec=run_state_argument_spec(default_delete_api),
        mutually_exclusive=[('campaign_id', 'name')],
        required_one_of=[('campaign_id', 'name')],
        supports_check_mode=True,
    )
    params = module.params
    try:
        check_identity(params['campaign_id'], params['name'])
        if params['wait_timeout'] < 1:
            raise ValidationError('wait_timeout must be at least 1 second')
        client = module.client
        runner = Runner(client, check_mode=module.check_mode, wait=params['wait'],
                        wait_timeout=params['wait_timeout'], warn=module.warn, audit=module.audit)
        campaign = resolve_campaign(client, campaign_type, params['campaign_id'], params['name'])
        if params['state'] == 'absent':
            result = runner.ensure_absent(
                campaign or None, force=params['force'], style=params['trigger_path'],
                api_version=params['delete_api'], backup_dir=params['backup_dir'] if params['backup'] else None,
                summary=not params['campaign_id'])
        else:
            if not campaign:
                raise campaign.error()
            result = runner.ensure_run_state(campaign, params['state'], params['trigger_path'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    result['api_calls'] = client.calls
    module.exit_result(result)
