/**
 * The audit trail: who registered a platform, minted a link, published or restored content, and
 * when. Every feature writes to it; it depends on none of them.
 */
package org.innovadores.audit;
