/**
 * Accounts: users and their roles, sign-in, API tokens, the account audit trail and the one security
 * configuration of the application. Other modules use {@link org.masthead.account.Permission}
 * authorities in their rules and {@link org.masthead.account.SignedInUser} as the principal.
 */
package org.masthead.account;
