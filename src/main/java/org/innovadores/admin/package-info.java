/** Administration: platforms and deployments, the tool's keys, registration links, the audit trail. */
package org.innovadores.admin;
