/**
 * The public side: the web form that opens a case, the receipt with the case number, the private status page
 * (by its secret link, or by case number and e-mail) where the person follows the case, reads our replies and
 * writes again. Every class is package-private: nothing depends on the portal.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "intake", "cases", "conversations" })
package org.ombud.portal;
