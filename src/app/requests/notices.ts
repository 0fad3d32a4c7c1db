// What a request's page says after each step (`?done=`): the steps' actions name these keys, so a
// step cannot send its page a notice the page does not have.

/** The parties' page of a request. */
export const REQUEST_NOTICES = {
  sent: "Your request has been sent. The partner’s contact team has been told.",
  acknowledged: "The request has been acknowledged.",
  assigned: "The request has been assigned.",
  answered: "Your answer has been sent. The requester has been told.",
  "receipt-confirmed": "You have confirmed that you received the answer.",
  disputed: "The refusal has been taken to the lead safeguarding partners. They have been told.",
};

/** The lead partners' page of an escalated request. */
export const ESCALATED_REQUEST_NOTICES = {
  decided: "Your decision has been recorded. Both partners have been told.",
};

export type RequestNotice = keyof typeof REQUEST_NOTICES | keyof typeof ESCALATED_REQUEST_NOTICES;
