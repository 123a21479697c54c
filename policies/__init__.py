# SPDX-FileCopyrightText: 2026 Overdracht contributors
# SPDX-License-Identifier: EUPL-1.2
"""The rules of Overdracht as plain, readable Python.

A privacy officer can read this package and recognise the agreements of the
privacyprotocol: who may do what (roles), which fields each role sees in each
state (fields), the processing register (register), retention, the data
categories a referral may share, and the text residents are informed with.
Nothing here renders or saves.
"""
