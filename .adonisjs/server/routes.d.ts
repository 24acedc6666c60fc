import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.show': { paramsTuple?: []; params?: {} }
    'module_pages.dues': { paramsTuple?: []; params?: {} }
    'module_pages.assemblies': { paramsTuple?: []; params?: {} }
    'module_pages.newsletters': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'logo.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'settings.update': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'organisations.store': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'membership_status.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'contacts.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
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
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.resend_invitation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'health.show': { paramsTuple?: []; params?: {} }
    'module_pages.dues': { paramsTuple?: []; params?: {} }
    'module_pages.assemblies': { paramsTuple?: []; params?: {} }
    'module_pages.newsletters': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'logo.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.show': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'health.show': { paramsTuple?: []; params?: {} }
    'module_pages.dues': { paramsTuple?: []; params?: {} }
    'module_pages.assemblies': { paramsTuple?: []; params?: {} }
    'module_pages.newsletters': { paramsTuple?: []; params?: {} }
    'outbox.index': { paramsTuple?: []; params?: {} }
    'outbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'outbox.html': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'logo.show': { paramsTuple?: []; params?: {} }
    'dashboard.show': { paramsTuple?: []; params?: {} }
    'settings.edit': { paramsTuple?: []; params?: {} }
    'audit_events.index': { paramsTuple?: []; params?: {} }
    'organisations.index': { paramsTuple?: []; params?: {} }
    'organisations.create': { paramsTuple?: []; params?: {} }
    'organisations.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'organisations.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password_reset.create': { paramsTuple?: []; params?: {} }
    'password_reset.edit': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.show': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PUT: {
    'settings.update': { paramsTuple?: []; params?: {} }
    'organisations.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.update': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
    'account.update_password': { paramsTuple?: []; params?: {} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'organisations.store': { paramsTuple?: []; params?: {} }
    'membership_status.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'contacts.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'session.store': { paramsTuple?: []; params?: {} }
    'password_reset.store': { paramsTuple?: []; params?: {} }
    'password_reset.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'locale.update': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.resend_invitation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  DELETE: {
    'contacts.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'contactId': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}