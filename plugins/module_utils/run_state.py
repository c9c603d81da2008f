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
from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config
from ansible_collections.koreai.campaign.plugins.module_utils.campaigns import get_campaign
from ansible_collections.koreai.campaign.plugins.module_utils.engine import Runner, resolve_campaign
from ansible_collections.koreai.campaign.plugins.module_utils.validate import ValidationError, check_identity

DEFAULT_BACKUP_DIR = '~/.ansible/backups/koreai.campaign'


CALLING_HOURS = dict(type='dict', options=dict(
    frequency=dict(type='str', default='weekly', choices=['weekly', 'daily', 'custom']),
    timezone=dict(type='str', required=True),
    days=dict(type='list', elements='dict', required=True, options=dict(
        day=dict(type='str', required=True),
        start=dict(type='str', required=True),
        end=dict(type='str', required=True),
    )),
))


def config_argument_spec(campaign_type):
    """The state=present options: common ones, then those of the campaign type."""
    spec = dict(
        description=dict(type='str'),
        contact_lists=dict(type='list', elements='str'),
        dnc_list=dict(type='str'),
        priority=dict(type='int'),
        caller_id=dict(type='str'),
        calling_hours=CALLING_HOURS,
        experience_flow=dict(type='str'),
    )
    if campaign_type == 'voice':
        spec.update(
            dialing_mode=dict(type='str', choices=['agentless', 'progressive', 'preview']),
            machine_detection=dict(type='str', choices=['no', 'detect', 'disconnect']),
            queue=dict(type='str'),
            max_skips=dict(type='int'),
            dialing_order=dict(type='str', choices=['fifo', 'lifo']),
            max_attempts=dict(type='int'),
            retry_period=dict(type='int'),
            ring_time=dict(type='int'),
        )
    else:
        spec.update(
            format=dict(type='str', choices=['simple', 'advanced']),
            text=dict(type='str'),
            template_name=dict(type='str'),
        )
    return spec


def run_state_argument_spec(campaign_type, default_delete_api):
    spec = config_argument_spec(campaign_type)
    spec.update(
        campaign_id=dict(type='str', aliases=['id']),
        name=dict(type='str'),
        state=dict(type='str', required=True, choices=['present', 'started', 'stopped', 'absent']),
        wait=dict(type='bool', default=True),
        wait_timeout=dict(type='int', default=300),
        force=dict(type='bool', default=False),
        backup=dict(type='bool', default=False),
        backup_dir=dict(type='path', default=DEFAULT_BACKUP_DIR),
        trigger_path=trigger_path_option(),
        delete_api=dict(type='str', default=default_delete_api, choices=['v1', 'v2']),
    )
    return spec


def run_campaign_module(campaign_type, default_delete_api):
    module = KoreaiModule(
        argument_spec=run_state_argument_spec(campaign_type, default_delete_api),
        mutually_exclusive=[('campaign_id', 'name')],
        required_one_of=[('campaign_id', 'name')],
        supports_check_mode=True,
    )
    params = module.params
    config_options = sorted(config_argument_spec(campaign_type))
    runner = None
    try:
        check_identity(params['campaign_id'], params['name'])
        if params['wait_timeout'] < 1:
            raise ValidationError('wait_timeout must be at least 1 second')
        given = [o for o in config_options if params.get(o) is not None]
        if params['state'] != 'present' and given:
            raise ValidationError('%s only appl%s with state=present'
                                  % (', '.join(given), 'ies' if len(given) == 1 else 'y'))
        spec = campaign_config.campaign_spec(campaign_type, params) if params['state'] == 'present' else None
        client = module.client
        runner = Runner(client, check_mode=module.check_mode, wait=params['wait'],
                        wait_timeout=params['wait_timeout'], warn=module.warn, audit=module.audit)
        campaign = resolve_campaign(client, campaign_type, params['campaign_id'], params['name'])
        if params['state'] == 'present':
            if not campaign and not params['name']:
                raise campaign.error()
            if campaign and not params['campaign_id']:
                # The list call's entry is a summary; compare against the full object.
                campaign = dict(get_campaign(client, campaign['id']) or campaign, type=campaign_type)
            result = runner.ensure_present(campaign or None, campaign_type, params['name'], spec,
                                           force=params['force'], style=params['trigger_path'])
        elif params['state'] == 'absent':
            result = runner.ensure_absent(
                campaign or None, force=params['force'], style=params['trigger_path'],
                api_version=params['delete_api'], backup_dir=params['backup_dir'] if params['backup'] else None,
                summary=not params['campaign_id'])
        else:
            if not campaign:
                raise campaign.error()
            result = runner.ensure_run_state(campaign, params['state'], params['trigger_path'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, runner)
    result['api_calls'] = client.calls
    module.exit_result(result)
