import { MigrationInterface, QueryRunner } from 'typeorm';

export class RotationPlans1796109762031 implements MigrationInterface {
  name = 'RotationPlans1796109762031';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rotation_plan\` (\`id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`year\` int NOT NULL, \`title\` varchar(200) NULL, \`status\` varchar(12) NOT NULL, \`last_day\` date NULL, \`created_by\` varchar(36) NOT NULL, \`created_by_username\` varchar(64) NOT NULL, \`created_at\` datetime(3) NOT NULL, \`submitted_at\` datetime(3) NULL, \`submitted_by\` varchar(36) NULL, \`approved_at\` datetime(3) NULL, \`approved_by\` varchar(36) NULL, \`activated_at\` datetime(3) NULL, \`activated_by\` varchar(36) NULL, \`completed_at\` datetime(3) NULL, \`cancelled_at\` datetime(3) NULL, \`cancelled_by\` varchar(36) NULL, \`cancel_reason\` varchar(1000) NULL, \`version\` int NOT NULL DEFAULT '1', \`updated_at\` datetime(3) NOT NULL, INDEX \`IDX_d8bc60ebca21ddf2ab78d327d5\` (\`status\`, \`last_day\`), INDEX \`IDX_573a518a3516d26812086551e6\` (\`county_id\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rotation_assignment\` (\`id\` varchar(36) NOT NULL, \`plan_id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`from_school_id\` varchar(36) NOT NULL, \`to_school_id\` varchar(36) NOT NULL, \`start_date\` date NOT NULL, \`end_date\` date NOT NULL, \`mode\` varchar(12) NOT NULL, \`kind\` varchar(12) NOT NULL, \`team_id\` varchar(40) NULL, \`fraction_milli\` int NOT NULL, \`subject\` varchar(30) NOT NULL, \`backbone\` varchar(12) NOT NULL, \`posting_id\` varchar(36) NULL, \`created_by\` varchar(36) NOT NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_c687432b79d1234b5a2db3a953\` (\`to_school_id\`, \`start_date\`), INDEX \`IDX_44fcf516c95029d93db68dd614\` (\`teacher_id\`, \`start_date\`), INDEX \`IDX_295ff0a80dbc35c9fecbac6978\` (\`county_id\`, \`start_date\`), UNIQUE INDEX \`IDX_9d505fbc60999f58d840d1fb96\` (\`plan_id\`, \`teacher_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` ADD CONSTRAINT \`FK_a7fc14cd533ba35153cf021646a\` FOREIGN KEY (\`plan_id\`) REFERENCES \`rotation_plan\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` ADD CONSTRAINT \`FK_1db88a3948008b8e9510feb3194\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` ADD CONSTRAINT \`FK_20e25c5bc60bc63c0511b9f4bd4\` FOREIGN KEY (\`from_school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` ADD CONSTRAINT \`FK_295fe0ce6b24bc8742eb246b1c0\` FOREIGN KEY (\`to_school_id\`) REFERENCES \`school\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` DROP FOREIGN KEY \`FK_295fe0ce6b24bc8742eb246b1c0\``);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` DROP FOREIGN KEY \`FK_20e25c5bc60bc63c0511b9f4bd4\``);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` DROP FOREIGN KEY \`FK_1db88a3948008b8e9510feb3194\``);
    await queryRunner.query(`ALTER TABLE \`rotation_assignment\` DROP FOREIGN KEY \`FK_a7fc14cd533ba35153cf021646a\``);
    await queryRunner.query(`DROP INDEX \`IDX_9d505fbc60999f58d840d1fb96\` ON \`rotation_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_295ff0a80dbc35c9fecbac6978\` ON \`rotation_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_44fcf516c95029d93db68dd614\` ON \`rotation_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_c687432b79d1234b5a2db3a953\` ON \`rotation_assignment\``);
    await queryRunner.query(`DROP TABLE \`rotation_assignment\``);
    await queryRunner.query(`DROP INDEX \`IDX_573a518a3516d26812086551e6\` ON \`rotation_plan\``);
    await queryRunner.query(`DROP INDEX \`IDX_d8bc60ebca21ddf2ab78d327d5\` ON \`rotation_plan\``);
    await queryRunner.query(`DROP TABLE \`rotation_plan\``);
  }
}
