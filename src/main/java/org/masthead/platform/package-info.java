/** Shared plumbing that knows no domain type: data directory, clock, messages, paging. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.masthead.platform;
