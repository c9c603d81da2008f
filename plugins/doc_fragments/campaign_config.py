# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # Configuration options (state=present) shared by voice_campaign and sms_campaign.
    DOCUMENTATION = r'''
options:
  description:
    description:
      - What the campaign is for; at most 256 characters. Required to create a campaign.
      - Only with O(state=present), like every option below.
    type: str
  contact_lists:
    description:
      - Names of existing contact lists to call or message (see M(koreai.campaign.contact_list)); at least one.
        Required to create a campaign. Compared without regard to order.
    type: list
    elements: str
  dnc_list:
    description:
      - Name of the contact list used as the campaign's Do Not Call list; Kore.ai allows one.
    type: str
  priority:
    description:
      - Priority from V(1) to V(5); V(5) is the highest. New campaigns get V(5) when it is not given.
    type: int
  caller_id:
    description:
      - The number calls or messages come from, in E.164 form (V(+18163300000)), or a SIP number registered in
        Kore.ai, written as it is registered; it must be an outbound-enabled number of the bot. A value that
        starts with V(+) must be E.164. Required to create a campaign.
    type: str
  calling_hours:
    description:
      - When the campaign may call or send. Required to create a campaign.
    type: dict
    suboptions:
      frequency:
        description: How the days repeat.
        type: str
        choices: [weekly, daily, custom]
        default: weekly
      timezone:
        description: IANA time zone of the hours, for example V(Asia/Kolkata) or V(America/New_York).
        type: str
        required: true
      days:
        description:
          - One entry per day and time window; several windows per day are allowed.
        type: list
        elements: dict
        required: true
        suboptions:
          day:
            description: V(mon) to V(sun) (also V(MO) to V(SU) or full names).
            type: str
            required: true
          start:
            description: Start time, V(9:00 AM) or 24-hour V(09:00); sent as the API's C(h:mm AM/PM).
            type: str
            required: true
          end:
            description: End time, later than O(calling_hours.days[].start).
            type: str
            required: true
  experience_flow:
    description:
      - Name of the experience flow the campaign runs; needed by agentless voice campaigns and advanced SMS campaigns.
      - The API answers with the flow's ID only, so this option cannot be compared with the campaign; it is sent
        whenever another option changes.
    type: str
'''

    VOICE = r'''
options:
  dialing_mode:
    description:
      - V(agentless) plays an experience flow; V(progressive) dials for free agents of O(queue); V(preview) lets
        agents see the contact first. Required to create a voice campaign.
    type: str
    choices: [agentless, progressive, preview]
  machine_detection:
    description:
      - Answering-machine detection for O(dialing_mode=agentless); V(no) when not given.
    type: str
    choices: ['no', detect, disconnect]
  queue:
    description:
      - Agent queue for O(dialing_mode=progressive) and O(dialing_mode=preview). Not returned by the API, so compared
        like O(experience_flow).
    type: str
  max_skips:
    description:
      - Skips an agent may make per record, for O(dialing_mode=preview) (required there).
    type: int
  dialing_order:
    description:
      - Order of the contact records; V(fifo) when not given.
    type: str
    choices: [fifo, lifo]
  max_attempts:
    description:
      - Attempts per record, V(1) to V(100); V(3) when not given.
    type: int
  retry_period:
    description:
      - Minutes between attempts, V(1) to V(1440); V(10) when not given.
    type: int
  ring_time:
    description:
      - Seconds to ring, V(5) to V(120); V(30) when not given.
    type: int
'''

    SMS = r'''
options:
  format:
    description:
      - V(simple) sends O(text) (optionally through a registered template, O(template_name)); V(advanced) runs
        O(experience_flow). Required to create an SMS campaign.
    type: str
    choices: [simple, advanced]
  text:
    description:
      - The message text, written plainly; the module sends it Base64-encoded in C(message.message), as the v2 API
        expects, and compares it decoded. Required with O(format=simple).
    type: str
  template_name:
    description:
      - Name of a pre-approved message template for O(format=simple); O(text) must match it.
    type: str
'''
