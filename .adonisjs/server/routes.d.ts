import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.show': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'account.show': { paramsTuple?: []; params?: {} }
    'account.update_password': { paramsTuple?: []; params?: {} }
    'account.end_other_sessions': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.resend_invitation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.end_sessions': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'logo.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'audit_events.export': { paramsTuple?: []; params?: {} }
    'import_files.file': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'import_files.changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'member_import.create': { paramsTuple?: []; params?: {} }
    'member_import.preview': { paramsTuple?: []; params?: {} }
    'member_import.review': { paramsTuple?: []; params?: {} }
    'member_import.store': { paramsTuple?: []; params?: {} }
    'member_export.show': { paramsTuple?: []; params?: {} }
    'organisations.store': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'membership_status.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'name_change_decision.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'requestId': ParamValue} }
    'contacts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'contacts.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'contact_privacy.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'contact_privacy.erase': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'membership_application.create': { paramsTuple?: []; params?: {} }
    'membership_application.store': { paramsTuple?: []; params?: {} }
    'portal_session.show': { paramsTuple?: []; params?: {} }
    'portal_session.request_link': { paramsTuple?: []; params?: {} }
    'portal_session.show_link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal_session.login': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal_session.logout': { paramsTuple?: []; params?: {} }
    'portal_organisation.show': { paramsTuple?: []; params?: {} }
    'portal_organisation.update': { paramsTuple?: []; params?: {} }
    'portal_name_change.store': { paramsTuple?: []; params?: {} }
    'portal_contacts.store': { paramsTuple?: []; params?: {} }
    'portal_contacts.update': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'portal_contacts.destroy': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'portal_history.index': { paramsTuple?: []; params?: {} }
    'portal_newsletters.show': { paramsTuple?: []; params?: {} }
    'portal_newsletters.subscribe': { paramsTuple: [ParamValue]; params: {'listId': ParamValue} }
    'portal_newsletters.unsubscribe': { paramsTuple: [ParamValue]; params: {'listId': ParamValue} }
    'portal_recipients.update': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'portal_recipients.destroy': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'unsubscribe.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'unsubscribe.one_click': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'unsubscribe.preferences': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.subscribe': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.show_forward': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.forward': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'mail_events.store': { paramsTuple?: []; params?: {} }
    'web_version.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribe.show_confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'subscribe.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'web_version.archive': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.show_embedded': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.store_embedded': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.store': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'newsletter_lists.index': { paramsTuple?: []; params?: {} }
    'newsletter_lists.create': { paramsTuple?: []; params?: {} }
    'newsletter_lists.store': { paramsTuple?: []; params?: {} }
    'newsletter_lists.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'newsletter_lists.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.index': { paramsTuple?: []; params?: {} }
    'issues.create': { paramsTuple?: []; params?: {} }
    'issues.store': { paramsTuple?: []; params?: {} }
    'issues.preview': { paramsTuple?: []; params?: {} }
    'issues.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.duplicate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_presence.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_versions.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_templates.choose': { paramsTuple?: []; params?: {} }
    'issue_templates.start': { paramsTuple?: []; params?: {} }
    'issue_templates.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_templates.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.send_test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.progress': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'send_confirmation.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'send_confirmation.recipients': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.pause': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_import.create': { paramsTuple?: []; params?: {} }
    'subscriber_import.preview': { paramsTuple?: []; params?: {} }
    'subscriber_import.store': { paramsTuple?: []; params?: {} }
    'subscribers.index': { paramsTuple?: []; params?: {} }
    'subscribers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.export_data': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_erasure.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.erase': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_files.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'file': ParamValue} }
    'media_library.index': { paramsTuple?: []; params?: {} }
    'media_library.search': { paramsTuple?: []; params?: {} }
    'media_library.store': { paramsTuple?: []; params?: {} }
    'media_library.describe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_library.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dues.overview': { paramsTuple?: []; params?: {} }
    'dues.confirm_generate': { paramsTuple?: []; params?: {} }
    'dues.generate': { paramsTuple?: []; params?: {} }
    'dues.confirm_remind': { paramsTuple?: []; params?: {} }
    'dues.remind': { paramsTuple?: []; params?: {} }
    'dues_runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dues.export': { paramsTuple?: []; params?: {} }
    'bookkeeping.download': { paramsTuple?: []; params?: {} }
    'fees.index': { paramsTuple?: []; params?: {} }
    'fees.store_fee': { paramsTuple?: []; params?: {} }
    'fees.store_tier': { paramsTuple?: []; params?: {} }
    'fees.save_settings': { paramsTuple?: []; params?: {} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.oioubl': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.record_payment': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.confirm_credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.resend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.issue_for_organisation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.index': { paramsTuple?: []; params?: {} }
    'bank_statements.store': { paramsTuple?: []; params?: {} }
    'bank_statements.store_with_mapping': { paramsTuple?: []; params?: {} }
    'bank_statements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.apply_sure': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_entries.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.match': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.mark_not_dues': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.reopen': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.undo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'books.close': { paramsTuple?: []; params?: {} }
    'portal_invoices.index': { paramsTuple?: []; params?: {} }
    'portal_invoices.pdf': { paramsTuple: [ParamValue]; params: {'invoiceId': ParamValue} }
    'minutes.show_signing': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'minutes.sign_from_link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'minutes.signing_pdf': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.check_in': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.vote': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'ballotId': ParamValue} }
    'delegate.request_secret': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'ballotId': ParamValue} }
    'assemblies.index': { paramsTuple?: []; params?: {} }
    'assemblies.create': { paramsTuple?: []; params?: {} }
    'assemblies.store': { paramsTuple?: []; params?: {} }
    'assemblies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.add_agenda_item': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.move_agenda_item': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'itemId': ParamValue} }
    'assemblies.remove_agenda_item': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'itemId': ParamValue} }
    'notice_confirmation.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.send_notice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.notice_pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.store_motion': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.check_in': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.proxy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.chair': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.open': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'ballots.close': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'ballots.status': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'assembly_closing.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assembly_closing.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.save': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.sign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.send_links': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'portal_assemblies.index': { paramsTuple?: []; params?: {} }
    'portal_assemblies.submit_motion': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'portal_assemblies.minutes_pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'metrics.show': { paramsTuple?: []; params?: {} }
    'failed_jobs.index': { paramsTuple?: []; params?: {} }
    'failed_jobs.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'backups.index': { paramsTuple?: []; params?: {} }
    'backups.update_settings': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
  }
  GET: {
    'health.show': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.show': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'logo.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'audit_events.export': { paramsTuple?: []; params?: {} }
    'import_files.file': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'import_files.changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'member_import.create': { paramsTuple?: []; params?: {} }
    'member_export.show': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contact_privacy.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'membership_application.create': { paramsTuple?: []; params?: {} }
    'portal_session.show': { paramsTuple?: []; params?: {} }
    'portal_session.show_link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal_organisation.show': { paramsTuple?: []; params?: {} }
    'portal_history.index': { paramsTuple?: []; params?: {} }
    'portal_newsletters.show': { paramsTuple?: []; params?: {} }
    'unsubscribe.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.show_forward': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'web_version.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribe.show_confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'web_version.archive': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.show_embedded': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'newsletter_lists.index': { paramsTuple?: []; params?: {} }
    'newsletter_lists.create': { paramsTuple?: []; params?: {} }
    'newsletter_lists.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.index': { paramsTuple?: []; params?: {} }
    'issues.create': { paramsTuple?: []; params?: {} }
    'issues.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_templates.choose': { paramsTuple?: []; params?: {} }
    'issue_sending.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.progress': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'send_confirmation.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'send_confirmation.recipients': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_import.create': { paramsTuple?: []; params?: {} }
    'subscribers.index': { paramsTuple?: []; params?: {} }
    'subscribers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.export_data': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_erasure.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_files.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'file': ParamValue} }
    'media_library.index': { paramsTuple?: []; params?: {} }
    'media_library.search': { paramsTuple?: []; params?: {} }
    'dues.overview': { paramsTuple?: []; params?: {} }
    'dues.confirm_generate': { paramsTuple?: []; params?: {} }
    'dues.confirm_remind': { paramsTuple?: []; params?: {} }
    'dues_runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dues.export': { paramsTuple?: []; params?: {} }
    'bookkeeping.download': { paramsTuple?: []; params?: {} }
    'fees.index': { paramsTuple?: []; params?: {} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.oioubl': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.confirm_credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.index': { paramsTuple?: []; params?: {} }
    'bank_statements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_entries.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'portal_invoices.index': { paramsTuple?: []; params?: {} }
    'portal_invoices.pdf': { paramsTuple: [ParamValue]; params: {'invoiceId': ParamValue} }
    'minutes.show_signing': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'minutes.signing_pdf': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'assemblies.index': { paramsTuple?: []; params?: {} }
    'assemblies.create': { paramsTuple?: []; params?: {} }
    'assemblies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notice_confirmation.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.notice_pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.chair': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.status': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'assembly_closing.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'portal_assemblies.index': { paramsTuple?: []; params?: {} }
    'portal_assemblies.minutes_pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'metrics.show': { paramsTuple?: []; params?: {} }
    'failed_jobs.index': { paramsTuple?: []; params?: {} }
    'backups.index': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
  }
  HEAD: {
    'health.show': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'health.live': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.show': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'logo.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'audit_events.export': { paramsTuple?: []; params?: {} }
    'import_files.file': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'import_files.changes': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'member_import.create': { paramsTuple?: []; params?: {} }
    'member_export.show': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contact_privacy.export': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'membership_application.create': { paramsTuple?: []; params?: {} }
    'portal_session.show': { paramsTuple?: []; params?: {} }
    'portal_session.show_link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal_organisation.show': { paramsTuple?: []; params?: {} }
    'portal_history.index': { paramsTuple?: []; params?: {} }
    'portal_newsletters.show': { paramsTuple?: []; params?: {} }
    'unsubscribe.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.show_forward': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'web_version.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribe.show_confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'web_version.archive': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.show_embedded': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'newsletter_lists.index': { paramsTuple?: []; params?: {} }
    'newsletter_lists.create': { paramsTuple?: []; params?: {} }
    'newsletter_lists.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.index': { paramsTuple?: []; params?: {} }
    'issues.create': { paramsTuple?: []; params?: {} }
    'issues.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_templates.choose': { paramsTuple?: []; params?: {} }
    'issue_sending.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.progress': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'send_confirmation.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'send_confirmation.recipients': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_import.create': { paramsTuple?: []; params?: {} }
    'subscribers.index': { paramsTuple?: []; params?: {} }
    'subscribers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.export_data': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_erasure.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_files.show': { paramsTuple: [ParamValue,ParamValue]; params: {'key': ParamValue,'file': ParamValue} }
    'media_library.index': { paramsTuple?: []; params?: {} }
    'media_library.search': { paramsTuple?: []; params?: {} }
    'dues.overview': { paramsTuple?: []; params?: {} }
    'dues.confirm_generate': { paramsTuple?: []; params?: {} }
    'dues.confirm_remind': { paramsTuple?: []; params?: {} }
    'dues_runs.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dues.export': { paramsTuple?: []; params?: {} }
    'bookkeeping.download': { paramsTuple?: []; params?: {} }
    'fees.index': { paramsTuple?: []; params?: {} }
    'invoices.index': { paramsTuple?: []; params?: {} }
    'invoices.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.oioubl': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.confirm_credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.index': { paramsTuple?: []; params?: {} }
    'bank_statements.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.report': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_entries.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'portal_invoices.index': { paramsTuple?: []; params?: {} }
    'portal_invoices.pdf': { paramsTuple: [ParamValue]; params: {'invoiceId': ParamValue} }
    'minutes.show_signing': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'minutes.signing_pdf': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'assemblies.index': { paramsTuple?: []; params?: {} }
    'assemblies.create': { paramsTuple?: []; params?: {} }
    'assemblies.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'notice_confirmation.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.notice_pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.chair': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.status': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'assembly_closing.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'portal_assemblies.index': { paramsTuple?: []; params?: {} }
    'portal_assemblies.minutes_pdf': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'metrics.show': { paramsTuple?: []; params?: {} }
    'failed_jobs.index': { paramsTuple?: []; params?: {} }
    'backups.index': { paramsTuple?: []; params?: {} }
    'event_stream': { paramsTuple?: []; params?: {} }
  }
  POST: {
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.resend_invitation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'member_import.preview': { paramsTuple?: []; params?: {} }
    'member_import.review': { paramsTuple?: []; params?: {} }
    'member_import.store': { paramsTuple?: []; params?: {} }
    'organisations.store': { paramsTuple?: []; params?: {} }
    'membership_status.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'name_change_decision.store': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'requestId': ParamValue} }
    'contacts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contact_privacy.erase': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'membership_application.store': { paramsTuple?: []; params?: {} }
    'portal_session.request_link': { paramsTuple?: []; params?: {} }
    'portal_session.login': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'portal_session.logout': { paramsTuple?: []; params?: {} }
    'portal_name_change.store': { paramsTuple?: []; params?: {} }
    'portal_contacts.store': { paramsTuple?: []; params?: {} }
    'portal_newsletters.subscribe': { paramsTuple: [ParamValue]; params: {'listId': ParamValue} }
    'unsubscribe.one_click': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'unsubscribe.preferences': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.subscribe': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'share.forward': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'mail_events.store': { paramsTuple?: []; params?: {} }
    'subscribe.confirm': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'subscribe.store_embedded': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'subscribe.store': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'newsletter_lists.store': { paramsTuple?: []; params?: {} }
    'issues.store': { paramsTuple?: []; params?: {} }
    'issues.preview': { paramsTuple?: []; params?: {} }
    'issues.duplicate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_presence.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_versions.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_templates.start': { paramsTuple?: []; params?: {} }
    'issue_templates.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.send_test': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.send': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.pause': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.resume': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issue_sending.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriber_import.preview': { paramsTuple?: []; params?: {} }
    'subscriber_import.store': { paramsTuple?: []; params?: {} }
    'subscribers.erase': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_library.store': { paramsTuple?: []; params?: {} }
    'dues.generate': { paramsTuple?: []; params?: {} }
    'dues.remind': { paramsTuple?: []; params?: {} }
    'fees.store_fee': { paramsTuple?: []; params?: {} }
    'fees.store_tier': { paramsTuple?: []; params?: {} }
    'invoices.record_payment': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.credit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.resend': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'invoices.issue_for_organisation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_statements.store': { paramsTuple?: []; params?: {} }
    'bank_statements.store_with_mapping': { paramsTuple?: []; params?: {} }
    'bank_statements.apply_sure': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'bank_entries.match': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.mark_not_dues': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.reopen': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'bank_entries.undo': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'entryId': ParamValue} }
    'books.close': { paramsTuple?: []; params?: {} }
    'minutes.sign_from_link': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.check_in': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'delegate.vote': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'ballotId': ParamValue} }
    'delegate.request_secret': { paramsTuple: [ParamValue,ParamValue]; params: {'token': ParamValue,'ballotId': ParamValue} }
    'assemblies.store': { paramsTuple?: []; params?: {} }
    'assemblies.add_agenda_item': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.move_agenda_item': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'itemId': ParamValue} }
    'assemblies.send_notice': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.store_motion': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.check_in': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'register.proxy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'ballots.open': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'ballots.close': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'ballotId': ParamValue} }
    'assembly_closing.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.sign': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.send_links': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'portal_assemblies.submit_motion': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'failed_jobs.retry': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribe': { paramsTuple?: []; params?: {} }
    'unsubscribe': { paramsTuple?: []; params?: {} }
  }
  PUT: {
    'account.update_password': { paramsTuple?: []; params?: {} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'portal_organisation.update': { paramsTuple?: []; params?: {} }
    'portal_contacts.update': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'portal_recipients.update': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'newsletter_lists.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'issues.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscribers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_library.describe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'fees.save_settings': { paramsTuple?: []; params?: {} }
    'assemblies.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'minutes.save': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'backups.update_settings': { paramsTuple?: []; params?: {} }
  }
  DELETE: {
    'account.end_other_sessions': { paramsTuple?: []; params?: {} }
    'staff.end_sessions': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'portal_contacts.destroy': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'portal_newsletters.unsubscribe': { paramsTuple: [ParamValue]; params: {'listId': ParamValue} }
    'portal_recipients.destroy': { paramsTuple: [ParamValue]; params: {'contactId': ParamValue} }
    'issue_templates.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'media_library.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'assemblies.remove_agenda_item': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'itemId': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}