# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""voice_campaign and sms_campaign: they differ only in the campaign type and the default delete
endpoint, so this one implementation serves both. The flow, in run_campaign_module():

    check the options -> find the campaign (lookup.py) -> plan and carry out the state
    (campaign_runner.py: started, stopped, absent, present) -> exit with the result."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config, campaign_runner
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule, trigger_path_option
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import resolve_campaign
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_identity

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
    state = params['state']
    run = None
    try:
        spec = checked_options(campaign_type, params)
        run = module.runner(wait=params['wait'], wait_timeout=params['wait_timeout'])
        # Comparing a configuration and backing up before a delete need the whole object, which a
        # lookup by name (a list entry) does not give; a check-mode delete needs only the summary.
        full = state == 'present' or (state == 'absent' and not module.check_mode)
        campaign = resolve_campaign(module.client, campaign_type, params['campaign_id'], params['name'], full=full)
        if state == 'present':
            if not campaign and not params['name']:
                raise campaign.error()
            result = campaign_runner.ensure_present(run, campaign or None, campaign_type, params['name'], spec,
                                                    force=params['force'], style=params['trigger_path'])
        elif state == 'absent':
            result = campaign_runner.ensure_absent(
                run, campaign or None, force=params['force'], style=params['trigger_path'],
                api_version=params['delete_api'], backup_dir=params['backup_dir'] if params['backup'] else None)
        else:
            if not campaign:
                raise campaign.error()
            result = campaign_runner.ensure_run_state(run, campaign, state, params['trigger_path'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, run)
    result['api_calls'] = module.api_calls
    module.exit_result(result)


def checked_options(campaign_type, params):
    """Every option checked before any request; the normalised configuration for state=present."""
    check_identity(params['campaign_id'], params['name'])
    if params['wait_timeout'] < 1:
        raise ValidationError('wait_timeout must be at least 1 second')
    given = [o for o in sorted(config_argument_spec(campaign_type)) if params.get(o) is not None]
    if params['state'] != 'present' and given:
        raise ValidationError('%s only appl%s with state=present'
                              % (', '.join(given), 'ies' if len(given) == 1 else 'y'))
    return campaign_config.campaign_spec(campaign_type, params) if params['state'] == 'present' else None
