/**
 * Moderation: residents report what is unsafe or wrong, reports about one target make one case in
 * the staff queue, staff decide with a reason, and every action (by a person or automatic) goes to
 * the public transparency log, which never names a resident or quotes a report.
 */
package org.nanum.moderation;
