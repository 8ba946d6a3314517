-- The cooling-off ladder: message templates (data, per scam type and language), the messages a
-- held sender was sent and when the platform showed them, the sender's answers, and call tasks
-- for agents. Messages and answers are the evidence that a specific warning was given.

CREATE TABLE message_templates (
  kind      VARCHAR(16) NOT NULL,
  scam_type VARCHAR(64) NOT NULL,
  language  VARCHAR(8)  NOT NULL,
  version   INTEGER NOT NULL,
  title     VARCHAR(300) NOT NULL,
  body      VARCHAR(4000) NOT NULL,
  PRIMARY KEY (kind, scam_type, language)
);

CREATE TABLE hold_messages (
  message_id    VARCHAR(80) PRIMARY KEY,
  hold_id       VARCHAR(64) NOT NULL REFERENCES holds (hold_id),
  step_index    INTEGER NOT NULL,
  kind          VARCHAR(16) NOT NULL,
  scam_type     VARCHAR(16) NOT NULL,
  language      VARCHAR(8) NOT NULL,
  template_version INTEGER NOT NULL,
  title         VARCHAR(300) NOT NULL,
  body          VARCHAR(8000) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  shown_at      TIMESTAMP WITH TIME ZONE,
  shown_channel VARCHAR(32),
  UNIQUE (hold_id, step_index)
);

CREATE TABLE hold_answers (
  hold_id     VARCHAR(64) NOT NULL REFERENCES holds (hold_id),
  question_id VARCHAR(64) NOT NULL,
  answer      BOOLEAN NOT NULL,
  answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_by VARCHAR(200) NOT NULL,
  PRIMARY KEY (hold_id, question_id)
);

CREATE TABLE call_tasks (
  task_id     VARCHAR(80) PRIMARY KEY,
  hold_id     VARCHAR(64) REFERENCES holds (hold_id),
  account_id  VARCHAR(128) NOT NULL,
  reason      VARCHAR(1000) NOT NULL,
  script      VARCHAR(4000) NOT NULL,
  priority    INTEGER NOT NULL,
  due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  state       VARCHAR(16) NOT NULL CHECK (state IN ('OPEN', 'DONE', 'CANCELLED')),
  outcome     VARCHAR(32),
  notes       VARCHAR(4000),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (hold_id)
);
CREATE INDEX call_tasks_open ON call_tasks (state, due_at);

INSERT INTO message_templates (kind, scam_type, language, version, title, body) VALUES
('WARNING', 'GENERAL', 'en', 1, 'We paused your payment to keep you safe',
 'We have paused your payment of {amount} {currency} because it looks like payments that people are tricked into making. Nobody from our team will ever ask you to move money. If anyone is telling you what to do, stop and cancel. Otherwise the payment continues at {release_at}.'),
('WARNING', 'INVESTMENT', 'en', 1, 'Is someone promising you returns?',
 'Investment scams start with a friendly contact and a platform that shows big profits, then ask for more and more money and never let you withdraw. Real investments do not guarantee returns. If you were contacted online or on a dating or messaging app about this investment, cancel this payment of {amount} {currency}.'),
('WARNING', 'IMPERSONATION', 'en', 1, 'Did someone ask you to move your money to keep it safe?',
 'Your security settings changed recently and this payment of {amount} {currency} goes somewhere new. Scammers pretend to be our support team, your bank or the police and tell you to move your money to a "safe" wallet. We will never ask you to do that. If anyone did, cancel now and change your password.'),
('WARNING', 'FAKE_SUPPORT', 'en', 1, 'Support will never ask you to send crypto',
 'This payment of {amount} {currency} follows a recent deposit or security change. Fake support agents ask people to deposit and send funds to "verify" or "unlock" an account. Our support never asks for a transfer. If someone is guiding you through this, cancel the payment.'),
('WARNING', 'ROMANCE', 'en', 1, 'Sending money to someone you met online?',
 'Romance scammers build trust over weeks, then ask for money for an emergency, a visa, a ticket or an investment. If you have never met this person face to face, please talk to someone you trust before sending {amount} {currency}.'),
('WARNING', 'MARKETPLACE', 'en', 1, 'Paying a seller you do not know?',
 'This recipient is new and has many recent payers. Goods paid for outside a protected marketplace often never arrive. Only pay sellers you can verify, and cancel this payment of {amount} {currency} if you are unsure.'),
('WARNING', 'GIVEAWAY', 'en', 1, 'Giveaways never ask you to pay first',
 'This address is collecting payments from many people at once, the pattern of fake giveaways that promise to send back double. Nobody gives away crypto in return for a payment. Cancel this payment of {amount} {currency}.'),
('WARNING', 'GENERAL', 'es', 1, 'Hemos pausado tu pago para protegerte',
 'Hemos pausado tu pago de {amount} {currency} porque se parece a pagos que se hacen bajo engaño. Nuestro equipo nunca te pedirá mover dinero. Si alguien te está diciendo qué hacer, detente y cancela. Si no, el pago continuará el {release_at}.'),
('WARNING', 'INVESTMENT', 'es', 1, '¿Alguien te promete ganancias?',
 'Las estafas de inversión empiezan con un contacto amable y una plataforma con grandes beneficios, luego piden cada vez más dinero y nunca te dejan retirar. Si te contactaron por internet por esta inversión, cancela este pago de {amount} {currency}.'),
('QUESTIONNAIRE', 'GENERAL', 'en', 1, 'A few quick questions before your payment goes',
 'Please answer honestly: your answers only help us keep your money safe.'),
('QUESTIONNAIRE', 'GENERAL', 'es', 1, 'Unas preguntas antes de enviar tu pago',
 'Responde con sinceridad: tus respuestas solo nos ayudan a proteger tu dinero.'),
('QUESTION', 'met_online_asked_to_move_money', 'en', 1, 'met_online_asked_to_move_money',
 'Has someone you met online asked you to move or invest money?'),
('QUESTION', 'promised_a_return', 'en', 1, 'promised_a_return',
 'Were you promised a return or a profit for this payment?'),
('QUESTION', 'told_to_hurry_or_keep_secret', 'en', 1, 'told_to_hurry_or_keep_secret',
 'Are you being told to hurry, or to keep this payment secret?'),
('QUESTION', 'contacted_by_support_or_authority', 'en', 1, 'contacted_by_support_or_authority',
 'Did someone claiming to be support, a bank or the police ask you to make this payment?'),
('QUESTION', 'met_online_asked_to_move_money', 'es', 1, 'met_online_asked_to_move_money',
 '¿Alguien que conociste por internet te pidió mover o invertir dinero?'),
('QUESTION', 'promised_a_return', 'es', 1, 'promised_a_return',
 '¿Te prometieron una ganancia por este pago?'),
('QUESTION', 'told_to_hurry_or_keep_secret', 'es', 1, 'told_to_hurry_or_keep_secret',
 '¿Te están apurando o pidiendo que mantengas este pago en secreto?'),
('QUESTION', 'contacted_by_support_or_authority', 'es', 1, 'contacted_by_support_or_authority',
 '¿Alguien que dice ser soporte, un banco o la policía te pidió hacer este pago?'),
('REMINDER', 'GENERAL', 'en', 1, 'Your paused payment goes soon',
 'Your payment of {amount} {currency} continues at {release_at}. If anything about it worries you, one tap cancels it and your money stays with you.'),
('REMINDER', 'GENERAL', 'es', 1, 'Tu pago pausado se enviará pronto',
 'Tu pago de {amount} {currency} continuará el {release_at}. Si algo te preocupa, con un toque lo cancelas y tu dinero se queda contigo.'),
('CALL_SCRIPT', 'GENERAL', 'en', 1, 'Call script',
 'Introduce yourself by name; never ask for passwords or codes. Ask who asked them to make this payment of {amount} {currency} and how they met. Explain the warning signs calmly. Offer to cancel now. Record whether they were reached, dissuaded, or went ahead.'),
('CALL_SCRIPT', 'INVESTMENT', 'en', 1, 'Call script: investment',
 'Ask how they found the investment, whether they have withdrawn anything, and whether they were asked to pay fees or taxes to withdraw. Explain that pressure to add more money is the pattern. Offer to cancel this payment of {amount} {currency}.'),
('CALL_SCRIPT', 'IMPERSONATION', 'en', 1, 'Call script: impersonation',
 'Ask whether someone from support, a bank or the police contacted them and asked them to move funds to a safe wallet. Explain we never do this. Help them secure the account and cancel the payment of {amount} {currency}.');
