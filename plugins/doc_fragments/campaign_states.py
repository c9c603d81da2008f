# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # Options and return values shared by voice_campaign and sms_campaign.
    DOCUMENTATION = r'''
options:
  campaign_id:
    description:
      - The campaign's ID (C(cd-...)). Reading it costs one request.
      - Exactly one of O(campaign_id) and O(name) is required.
    type: str
    aliases: [id]
  name:
    description:
      - The campaign's name, compared without regard to case as Kore.ai compares names. It is looked up
        through the list call and must match exactly one campaign of this type.
      - Exactly one of O(campaign_id) and O(name) is required.
    type: str
  state:
    description:
      - V(present) creates the campaign from the configuration options when it does not exist (it needs O(name)),
        waiting until a new voice campaign is C(Ready) with O(wait=true); when it exists, it updates only the options
        that differ from the campaign, with a field-level diff. A running campaign is not edited unless O(force=true).
      - V(started) runs the campaign (API C(trigger=play)). An C(Active) campaign is left alone; a C(Preparing)
        one is waited for until it is C(Ready) (with O(wait=true)); a C(Scheduled) one is refused, because Kore.ai
        does not run a scheduled campaign by hand; disable its schedule first.
      - V(stopped) stops the campaign (API C(trigger=stop)) when it is running, that is C(Active) or C(Paused)
        (C(Paused) keeps its place in the contact list and can resume, so it still counts as running). Any other
        status (C(Ready), C(Stopped), C(Completed), C(Preparing), C(Scheduled)) is left alone; a schedule stays on.
      - Statuses compare without regard to case (C(ACTIVE), C(active)); the UI's C(Rerun) and C(Run as Emergency),
        and C(Running), count as running. A status the collection does not know counts as possibly running, with
        a warning. V(stopped) stops it, V(started) refuses it, and V(absent) refuses it unless O(force=true).
      - V(absent) deletes the campaign when it exists. A running or scheduled campaign is refused unless O(force=true).
        When it disables a schedule first, it refuses (before any write) a name that another campaign of either
        type also has, since the schedule API takes only a name; that check lists both types (2 more requests).
    type: str
    required: true
    choices: [present, started, stopped, absent]
  wait:
    description:
      - After a start or stop, poll the campaign's status (with backoff) until it is C(Active), or no longer
        running, and fail with the last status seen after O(wait_timeout) seconds.
      - A stop before a forced delete is always waited for, because the API refuses to delete a running campaign.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait for a transition with O(wait=true).
    type: int
    default: 300
  force:
    description:
      - With O(state=absent), stop a running campaign and disable its schedule before deleting it.
      - With O(state=present), stop a running campaign, update it and start it again.
    type: bool
    default: false
  backup:
    description:
      - With O(state=absent), write the campaign's full object, as read before the delete, to a timestamped
        JSON file in O(backup_dir) (mode 0600) before deleting. Not written in check mode.
    type: bool
    default: false
  backup_dir:
    description:
      - Directory for O(backup) files, created with mode 0700 when missing.
    type: path
    default: ~/.ansible/backups/koreai.campaign
  trigger_path:
    description:
      - Which path to send start and stop to. Kore.ai's pages disagree on it.
      - V(documented) follows each page as written; for voice C(/api/v2/public/{streamId}/campaign/trigger/{campaignId}),
        for SMS start C(/campaign/api/v2/public/{streamId}/campaign/{campaignId}) and for SMS stop
        C(/campaign/api/v2/public/{streamId}/campaign/trigger/{campaignId}).
      - V(campaign) uses C(/campaign/api/v2/public/{streamId}/campaign/trigger/{campaignId}) for both types;
        V(api) uses C(/api/v2/public/{streamId}/campaign/trigger/{campaignId}); V(v1) uses the v1
        C(/campaign/api/v1/public/{streamId}/campaign/{campaignId}).
      - If not set, the environment variable E(KOREAI_TRIGGER_PATH) is used.
    type: str
    default: documented
    choices: [api, campaign, documented, v1]
notes:
  - "Concurrent runs on the same campaign (two AWX jobs, forks, an emergency stop from two places): on one
    controller, writes to one campaign take a lock per account and campaign, kept next to the pacing state in
    C(~/.ansible/tmp/koreai.campaign). A run that gets the lock after another process wrote the campaign reads
    its status first (one more request) and sends nothing when it is already as wanted. On any controller, a
    start or stop that the API refuses as already done (HTTP 409, or a message that says C(already)) after a
    stale read is read back, and when the campaign shows the wanted status the task is ok, not changed, and
    not failed."
'''
