-- A reminder sent while a hold is under investigation says the team is still checking, rather
-- than that the payment "goes soon": whether it goes depends on what the team finds.
INSERT INTO message_templates (kind, scam_type, language, version, title, body) VALUES
('REMINDER_REVIEW', 'GENERAL', 'en', 1, 'We are still checking your paused payment',
 'Your payment of {amount} {currency} is paused while our team checks the recipient. We will tell you what we found by {release_at}; if the check shows a scam, your money comes back to you. If anything about this payment worries you, one tap cancels it and your money stays with you.'),
('REMINDER_REVIEW', 'GENERAL', 'es', 1, 'Seguimos revisando tu pago pausado',
 'Tu pago de {amount} {currency} está pausado mientras nuestro equipo revisa al destinatario. Te diremos lo que encontramos antes del {release_at}; si la revisión muestra una estafa, tu dinero vuelve a ti. Si algo de este pago te preocupa, con un toque lo cancelas y tu dinero se queda contigo.');
