/** Accounts: users, roles, sign-in and the one security configuration of the application. */
package org.masthead.account;
