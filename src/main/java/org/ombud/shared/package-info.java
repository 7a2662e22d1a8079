/**
 * Ids, time, errors and paging that every module speaks. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.ombud.shared;
