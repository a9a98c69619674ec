/** Administration: platforms and deployments, the tool's keys, registration links, the audit trail's API. */
package org.innovadores.admin;
