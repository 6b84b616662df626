import type { RuleAction, RuleCondition } from '@atom/contracts';

export interface Names {
  category: (id: string) => string;
  account: (id: string) => string;
  money: (minor: number) => string;
}

/** A condition as a sentence fragment: `payee contains "grocer"`. */
export function conditionText(c: RuleCondition, names: Names): string {
  switch (c.field) {
    case 'payee':
      return c.op === 'regex' ? `payee matches /${c.value}/` : `payee ${c.op} “${c.value}”`;
    case 'notes':
      return `notes contain “${c.value}”`;
    case 'amount':
      return `amount between ${names.money(c.value[0])} and ${names.money(c.value[1])}`;
    case 'account':
      return `account is ${names.account(c.value)}`;
    case 'date':
      return `date between ${c.value[0]} and ${c.value[1]}`;
  }
}

/** An action as a sentence fragment: `category → Groceries`. */
export function actionText(a: RuleAction, names: Names): string {
  switch (a.type) {
    case 'setCategory':
      return `category → ${names.category(a.categoryId)}`;
    case 'renamePayee':
      return `payee → “${a.payee}”`;
    case 'addTag':
      return `add tag #${a.tag}`;
    case 'markTransfer':
      return `transfer with ${names.account(a.accountId)}`;
  }
}
