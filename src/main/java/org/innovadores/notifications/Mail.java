package org.innovadores.notifications;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail server the tool hands its e-mails to (Jakarta Mail over SMTP), from the {@code MAIL_*}
 * settings. Without {@code MAIL_HOST} e-mail is off and notices stay in the tool. The password is
 * read from the environment only and never logged.
 */
@ApplicationScoped
public class Mail {

    private static final Logger LOG = Logger.getLogger(Mail.class.getName());

    @Inject
    @ConfigProperty(name = "mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "mail.port", defaultValue = "587")
    int port;

    /** none, starttls (the server must offer it) or smtps (TLS from the first byte, usually port 465). */
    @Inject
    @ConfigProperty(name = "mail.security", defaultValue = "starttls")
    String security;

    @Inject
    @ConfigProperty(name = "mail.from", defaultValue = "innovadores@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "mail.password")
    Optional<String> password;

    private Session session;

    @PostConstruct
    void init() {
        if (host.isEmpty() || host.get().isBlank()) {
            LOG.info("E-mail is off (no MAIL_HOST): notices stay in the tool");
            return;
        }
        boolean smtps = "smtps".equalsIgnoreCase(security);
        String protocol = smtps ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host.get().strip());
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "10000");
        properties.put("mail." + protocol + ".writetimeout", "10000");
        properties.put("mail." + protocol + ".from", from);
        if ("starttls".equalsIgnoreCase(security)) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (smtps || "starttls".equalsIgnoreCase(security)) properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        Authenticator authenticator = null;
        if (username.isPresent() && !username.get().isBlank()) {
            properties.put("mail." + protocol + ".auth", "true");
            String user = username.get();
            String secret = password.orElse("");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, secret);
                }
            };
        }
        session = Session.getInstance(properties, authenticator);
        LOG.info(() -> "E-mail goes to " + host.get().strip() + ":" + port + " (" + security + ")");
    }

    public boolean enabled() {
        return session != null;
    }

    /** Hands one plain-text e-mail to the server; throws when the server does not take it. */
    public void send(String to, String subject, String body) throws MessagingException {
        if (session == null) throw new MessagingException("e-mail is off");
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        Transport.send(message);
    }

    /** Whether an address is one a message can be sent to (a refusal that no retry would mend). */
    public static boolean deliverable(String address) {
        if (address == null || address.isBlank()) return false;
        try {
            new InternetAddress(address, true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
