package io.holdfast.core.simulation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The phrase tables the report generator composes narratives from. Placeholders in braces
 * ({name}, {amount}, {amount2}, {platform}, {coin}, {company}, {relative}, {item}, {days},
 * {pct}, {celebrity}) are filled per report. Scam and non-scam tables deliberately share words
 * ("scam", "refund", "seller", "never arrived") so that the words alone do not give the answer.
 */
final class ReportPhrases {
  /** The four parts of a narrative: how it starts, what happened, what was said, how it ends. */
  record Parts(List<String> openers, List<String> middles, List<String> quotes,
      List<String> closers) {}

  static final List<String> NAMES = List.of("Anna", "David", "Mei", "Carlos", "Sophie", "James",
      "Lina", "Ahmed", "Olivia", "Ken", "Maria", "Jason", "Priya", "Luca", "Grace", "Tom",
      "Elena", "Victor", "Chloe", "Daniel", "Yuki", "Sara", "Mark", "Fatima", "Leo", "Nora");
  static final List<String> PLATFORMS = List.of("WhatsApp", "Telegram", "Instagram", "Facebook",
      "Tinder", "Hinge", "LinkedIn", "Discord", "TikTok", "X", "WeChat", "Signal", "Snapchat");
  static final List<String> COINS = List.of("USDT", "BTC", "ETH", "SOL", "USDC", "TRX");
  static final List<String> COMPANIES = List.of("Binance", "Coinbase", "Kraken", "the bank",
      "PayPal", "Amazon", "Microsoft", "Apple", "the exchange", "Revolut", "MetaMask", "Ledger");
  static final List<String> RELATIVES = List.of("son", "daughter", "brother", "sister", "cousin",
      "nephew", "mother", "father", "friend", "uncle", "flatmate");
  static final List<String> ITEMS = List.of("iPhone", "PlayStation 5", "used car", "sofa",
      "concert ticket", "laptop", "puppy", "apartment", "designer bag", "bike", "camera",
      "gaming PC", "wedding dress", "graphics card");
  static final List<String> CELEBRITIES = List.of("Elon Musk", "a famous footballer",
      "the CEO of the exchange", "a crypto influencer", "MrBeast");
  static final List<String> QUOTE_LEADS = List.of("They wrote: ", "He said ", "She said ",
      "the message said ", "Their exact words were: ", "I still have the chat: ", "",
      "They told me ");
  static final List<String> SCAM_SPANISH = List.of(
      "Me estafaron, envié {amount} y ahora no responden.",
      "Por favor ayúdenme a recuperar mi dinero.",
      "Me dijeron que la inversión era segura y que ganaría el doble en una semana.",
      "Dijo que era del soporte técnico y me pidió la frase de recuperación.",
      "El vendedor nunca envió nada y me bloqueó.",
      "Me pidió dinero para la aduana y luego desapareció.",
      "Ganancia garantizada, eso me prometieron.");
  static final List<String> OTHER_SPANISH = List.of(
      "Le presté {amount} a mi primo y no me lo devuelve.",
      "El paquete llegó tarde pero llegó.",
      "Me equivoqué de cuenta al enviar el dinero.",
      "Quiero un reembolso, el producto no me gustó.",
      "Es un problema familiar pero quiero mi dinero.",
      "El vendedor dice que el envío está retrasado.");
  static final List<String> FREEZE_DEMANDS = List.of("Freeze this account immediately.",
      "This person is a scammer, ban them now!!", "please block this account before more people "
      + "lose money", "I demand you freeze their funds today.",
      "Report this scammer to the police.");

  private static final Map<ReportKind, Parts> PARTS = new EnumMap<>(ReportKind.class);

  static {
    PARTS.put(ReportKind.INVESTMENT, investment());
    PARTS.put(ReportKind.IMPERSONATION, impersonation());
    PARTS.put(ReportKind.ROMANCE, romance());
    PARTS.put(ReportKind.FAKE_SUPPORT, fakeSupport());
    PARTS.put(ReportKind.MARKETPLACE_NON_DELIVERY, marketplace());
    PARTS.put(ReportKind.FAKE_GIVEAWAY, giveaway());
    PARTS.put(ReportKind.BUYERS_REMORSE, buyersRemorse());
    PARTS.put(ReportKind.LATE_DELIVERY, lateDelivery());
    PARTS.put(ReportKind.MISTAKEN_TRANSFER, mistakenTransfer());
    PARTS.put(ReportKind.FAMILY_DISPUTE, familyDispute());
    PARTS.put(ReportKind.CHARGEBACK_DISPUTE, chargeback());
  }

  private ReportPhrases() {}

  /** The phrase table of a kind; weaponised false reports borrow the scam kinds' tables. */
  static Parts of(ReportKind kind) {
    Parts parts = PARTS.get(kind);
    if (parts == null) {
      throw new IllegalArgumentException("no phrases of its own: " + kind);
    }
    return parts;
  }

  private static Parts investment() {
    return new Parts(List.of(
        "I met {name} on {platform} and after a few weeks they showed me a crypto trading site.",
        "Someone called {name} added me on {platform} by mistake, we became friends and then "
            + "she started talking about investing.",
        "A woman named {name} messaged me on {platform} about a mining pool with daily returns.",
        "I was added to a {platform} group where a mentor posted trading signals every day.",
        "my friend from {platform} {name} said her uncle works at an exchange and knows the market",
        "Got contacted on {platform} by {name} who said he made a fortune trading {coin}.",
        "I invested in a platform {name} recommended, it promised {pct}% a week."),
        List.of("I deposited {amount} and the dashboard showed my balance growing every day.",
            "At first I could withdraw small amounts so I trusted it and sent {amount} more.",
            "When I tried to withdraw they said I had to pay a {pct}% tax first.",
            "The site said my account was frozen until I paid a verification fee of {amount}.",
            "They kept telling me the returns were guaranteed and I could not lose.",
            "I sent {amount} in {coin} to the address they gave me over {days} days.",
            "The profit on the app went over {amount2} but I cannot take anything out.",
            "customer service of the platform only answers on {platform} and now they ignore me",
            "They told me to borrow money because the opportunity closes soon.",
            "I asked for a refund of my deposit and they said I must upgrade to VIP first."),
        List.of("\"Trust me, this is a guaranteed {pct}% return every week\"",
            "\"You need to pay the withdrawal tax first, then the funds are released\"",
            "\"Don't tell your family, they won't understand investing\"",
            "\"The market window closes tonight, deposit now or lose your VIP level\"",
            "\"our platform is regulated, your capital is 100% safe\"",
            "\"double your money in 7 days, no risk\""),
        List.of("Now the website is gone and {name} blocked me.",
            "I think I lost everything, please help me get it back.",
            "The app stopped working and nobody answers.",
            "I only found out it was fake when I searched the site name.",
            "It was all my savings."));
  }

  private static Parts impersonation() {
    return new Parts(List.of(
        "I got a call from someone saying they were from {company} security.",
        "A person pretending to be my {relative} texted me from a new number.",
        "Someone impersonating the police said my account was involved in money laundering.",
        "I received an email that looked like it came from {company} saying my account was "
            + "compromised.",
        "someone claiming to be from the tax office said I owed money and would be arrested",
        "A man called saying he was a fraud investigator at {company}."),
        List.of("They said I had to move my funds to a safe wallet to protect them.",
            "They knew my name and my last transactions so I believed them.",
            "I was told to send {amount} to a secure account while they investigated.",
            "They asked me to read out the code I got by SMS.",
            "they stayed on the phone the whole time and told me not to hang up",
            "My {relative} said the phone was broken and needed {amount} urgently for a bill.",
            "The caller ID showed the real number of {company}."),
        List.of("\"Mum, this is my new number, I need to pay a bill today, can you send "
                + "{amount}?\"",
            "\"This is {company} security, your account will be suspended unless you verify now\"",
            "\"Do not tell the bank staff why you are moving the money, they are part of the "
                + "investigation\"",
            "\"move everything to the safe wallet address below immediately\"",
            "\"your account has been compromised, act now to protect your funds\""),
        List.of("Later I called the real {company} and they had never contacted me.",
            "When I called my {relative} on the old number they knew nothing about it.",
            "I realised it was a scam too late.",
            "The money is gone."));
  }

  private static Parts romance() {
    return new Parts(List.of(
        "I met {name} on {platform} {days} days ago and we talked every day.",
        "We were in a relationship online for months, {name} said he was an engineer on an "
            + "oil rig.",
        "{name} said she loved me and wanted to visit but needed money for the ticket.",
        "I matched with {name} on {platform}, he said he was a doctor working abroad.",
        "me and {name} met on {platform}, she was so kind and we planned to marry"),
        List.of("He asked me to send {amount} for customs fees on a package he sent me.",
            "She said her bank account was frozen and she needed help paying the hospital.",
            "We never video called, there was always an excuse.",
            "I sent {amount} in {coin} because he said it was faster than a bank transfer.",
            "every time I paid there was another emergency",
            "He asked me to open an account on a trading site to help him move his savings.",
            "I sent {amount} over {days} days for the visa, the flight and the hotel."),
        List.of("\"My love, I promise I will pay you back as soon as I land\"",
            "\"I'm stuck at the airport, they won't let me leave without paying the fee\"",
            "\"you are the only one I trust, please don't tell anyone about us\"",
            "\"baby I need {amount} today or they will keep me here\""),
        List.of("Now the profile is deleted and I can't reach {name}.",
            "My daughter told me it was a romance scam.",
            "I feel so ashamed.",
            "I never met {name} in person."));
  }

  private static Parts fakeSupport() {
    return new Parts(List.of(
        "I searched for {company} support and called the number I found online.",
        "Someone replied to my post on {platform} offering to help fix my wallet.",
        "I had a problem with a withdrawal and an agent contacted me on {platform}.",
        "A support agent from {company} messaged me after I complained on {platform}."),
        List.of("They asked me to install a remote access app so they could fix it.",
            "The agent said I needed to complete a wallet verification by connecting my wallet "
                + "to their site.",
            "They made me send {amount} to a validation address to unlock my account.",
            "I shared my screen and they told me what to type.",
            "he asked for my recovery phrase to resync the wallet",
            "they said the refund would come back after the verification"),
        List.of("\"Hello, this is {company} support, your wallet needs validation to avoid "
                + "suspension\"",
            "\"Please send a test transaction of {amount} to confirm ownership, it will be "
                + "refunded\"",
            "\"Download AnyDesk and share the code so our technician can help\"",
            "\"enter your 12 words here to complete the wallet verification\""),
        List.of("After that my balance was empty.",
            "The real {company} support said they never DM users.",
            "They took {amount} and disappeared."));
  }

  private static Parts marketplace() {
    return new Parts(List.of(
        "I bought a {item} from a seller on {platform} and paid {amount}.",
        "Saw a {item} listed very cheap on {platform} and the seller wanted payment in {coin}.",
        "I paid a deposit of {amount} to rent an {item}.",
        "I ordered a {item} from {name} on {platform} Marketplace."),
        List.of("The seller sent a tracking number that does not exist.",
            "After I paid, the seller stopped answering and deleted the listing.",
            "He insisted on payment outside the platform so there is no buyer protection.",
            "Other buyers in the comments say they also never got anything.",
            "The photos turned out to be stolen from another website.",
            "The seller said I had to pay {amount} more for insurance before shipping.",
            "It has been {days} days and nothing arrived."),
        List.of("\"Pay now and I ship today, many people want it\"",
            "\"I only accept crypto, no PayPal, sorry\"",
            "\"send the rest and the courier will deliver tomorrow\""),
        List.of("The account is now gone.",
            "I think the item was never real.",
            "I want my money back, the seller is a scammer.",
            "He blocked me everywhere."));
  }

  private static Parts giveaway() {
    return new Parts(List.of(
        "I saw a live stream on {platform} where {celebrity} was giving away {coin}.",
        "A post said {company} was celebrating with a giveaway, send {coin} and get double back.",
        "I got a message that I had won an airdrop and only needed to pay gas fees.",
        "A verified-looking account on {platform} announced a {coin} giveaway."),
        List.of("I sent {amount} to the address in the video.",
            "They said send 0.1 and receive 0.2 back instantly.",
            "the comments were full of people saying they got paid",
            "To claim the prize I had to pay a fee of {amount} first.",
            "The site had a countdown timer and a QR code."),
        List.of("\"Send any amount and we double it back, limited to the first 1000 people!\"",
            "\"Congratulations! You won 5,000 USDT, claim within 24 hours\"",
            "\"only a small fee to unlock your prize\""),
        List.of("Nothing came back and the stream was taken down.",
            "I feel stupid, it was obviously fake.",
            "Please warn others."));
  }

  private static Parts buyersRemorse() {
    return new Parts(List.of(
        "I bought a {item} from {name} for {amount} and now I don't want it anymore.",
        "I paid for an online course and it was not what I expected.",
        "I paid {amount} for a {item} and then found it cheaper somewhere else.",
        "Bought a {item} on {platform}, it arrived but I regret it."),
        List.of("The seller refuses to give me a refund even though it arrived fine.",
            "It works but it is not as good as the photos, I want my money back.",
            "I changed my mind the next day and they said all sales are final.",
            "I feel like I was scammed because it's overpriced.",
            "The seller was polite but says no returns.",
            "I received it {days} days ago."),
        List.of("\"The item was as described, I can't take it back\"",
            "\"sorry, no refunds after delivery, it says so in the listing\""),
        List.of("Please reverse the payment.", "I want a refund.",
            "I think this is a kind of scam."));
  }

  private static Parts lateDelivery() {
    return new Parts(List.of(
        "I ordered a {item} from a seller on {platform} and paid {amount} {days} days ago.",
        "My {item} still hasn't arrived and I think the seller scammed me.",
        "I paid {name} {amount} for a {item} and it never arrived on time.",
        "Bought a {item} from an online shop, the delivery is very late."),
        List.of("The seller says it's delayed in customs and keeps sending updates.",
            "Tracking shows it's in transit but not moving.",
            "Actually it arrived today, a bit damaged but it is here.",
            "the seller answered and says it will arrive next week",
            "It finally arrived after {days} days.",
            "The seller offered a partial refund for the delay."),
        List.of("\"Sorry for the delay, the courier lost the first package, I have sent another\"",
            "\"your order is on the way, here is the tracking number\""),
        List.of("I want the seller investigated because it took too long.",
            "If it doesn't arrive I want my money back.",
            "Maybe it was not a scam after all."));
  }

  private static Parts mistakenTransfer() {
    return new Parts(List.of(
        "I sent {amount} to the wrong account by mistake.",
        "I mistyped the address and sent {coin} to someone I don't know.",
        "I accidentally paid {name} twice for the same invoice.",
        "i pasted the wrong wallet address and sent {amount}"),
        List.of("I copied the wrong number from my contacts.",
            "The person is not answering my messages asking to send it back.",
            "It was my error, not a scam, but I need the money back.",
            "I think the recipient is a scammer because they won't return it.",
            "The recipient said they will return it after checking with their bank."),
        List.of("\"I didn't ask for this money, I will talk to my bank\""),
        List.of("Can you help me get it back?", "Please reverse it.",
            "It was an honest mistake."));
  }

  private static Parts familyDispute() {
    return new Parts(List.of(
        "I lent {amount} to my {relative} and he refuses to pay me back.",
        "My ex-partner {name} took money from our joint savings.",
        "I paid my friend {name} for concert tickets and now we are not talking.",
        "My {relative} borrowed {amount} for a business and never returned it."),
        List.of("We had an argument and now she says it was a gift.",
            "He promised to return it by the end of the month.",
            "I want to report him as a fraudster because he lied to me.",
            "this is a family matter but I want the money back",
            "We have known each other for years."),
        List.of("\"I'll pay you back when I can, stop asking\"",
            "\"it was a gift, you can't take it back\""),
        List.of("I want his account frozen until he pays.", "Please help me.",
            "I feel betrayed."));
  }

  private static Parts chargeback() {
    return new Parts(List.of(
        "I want to dispute a payment of {amount} to {name} for a service.",
        "The freelancer I hired delivered the work but it is poor quality.",
        "I paid a subscription of {amount} and forgot to cancel.",
        "I am disputing a charge from a shop I bought a {item} from."),
        List.of("The work was delivered but I am not satisfied.",
            "I already opened a chargeback with my bank.",
            "They say the contract was fulfilled.",
            "I did receive the product but I don't recognise the charge amount.",
            "The merchant replied and offered store credit."),
        List.of("\"The project was completed as agreed in the contract\""),
        List.of("Please refund me.", "I consider this fraud.", "I want my money back."));
  }
}
